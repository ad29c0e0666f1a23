using System.Data.Common;
using Npgsql;

namespace WsRm.Storage.PostgreSql;

/// <summary>
/// A transaction on a pooled connection of its own (PostgreSQL has no single writer: group commits and other service
/// transactions go on meanwhile). Service code runs plain <see cref="NpgsqlCommand"/>s on <see cref="Connection"/> in
/// <see cref="Transaction"/>; the connection goes back to the pool when it commits or is disposed, whichever comes first.
/// </summary>
internal sealed class PostgreSqlStoreTransaction(PostgreSqlWsRmStore store, NpgsqlConnection connection, NpgsqlTransaction transaction)
    : StoreTransaction
{
    private bool _ended;

    public override DbConnection Connection => connection;

    public override DbTransaction Transaction => transaction;

    public override async Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_ended, this);
        try
        {
            if (!await ApplyAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return CommitResult.Conflict;
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            StoreMetrics.Committed(store.Provider, 1);
            return CommitResult.Committed;
        }
        catch (NpgsqlException e)
        {
            throw store.Failed(e, connection, "failed to commit a service transaction");
        }
        catch (InvalidOperationException e) when (PostgreSqlErrors.IsStoreFailure(e, connection))
        {
            // The connection broke under the service's work: Npgsql refuses further commands ("Connection is not open").
            throw PostgreSqlErrors.Unavailable(store.Database, "lost the connection of a service transaction", e);
        }
        finally
        {
            await EndAsync().ConfigureAwait(false);
        }
    }

    // The batch's statements in one round trip; false when one conflicts (the transaction is then aborted).
    private async Task<bool> ApplyAsync(StoreBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty) return true;
        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var operation in batch.Operations) PostgreSqlOperations.Append(statements, operation, store.Clock);
        try
        {
            await statements.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (PostgreSqlErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override bool IsStoreFailure(Exception exception) =>
        base.IsStoreFailure(exception) || PostgreSqlErrors.IsStoreFailure(exception, connection);

    public override async ValueTask DisposeAsync()
    {
        if (_ended) return;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection broke: the server rolled back, and the pool drops it.
        }
        catch (InvalidOperationException)
        {
            // Already rolled back or completed.
        }
        await EndAsync().ConfigureAwait(false);
    }

    private async ValueTask EndAsync()
    {
        if (_ended) return;
        _ended = true;
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
