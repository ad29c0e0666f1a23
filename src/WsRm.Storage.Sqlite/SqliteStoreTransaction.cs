using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace WsRm.Storage.Sqlite;

/// <summary>
/// A transaction on the writer connection, which it holds (no other write runs meanwhile) until it commits or is
/// disposed, whichever comes first.
/// </summary>
internal sealed class SqliteStoreTransaction(SqliteWsRmStore store, SqliteConnection connection, SqliteTransaction transaction)
    : StoreTransaction
{
    private bool _ended;

    public override DbConnection Connection => connection;

    public override DbTransaction Transaction => transaction;

    public override async Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_ended, this);
        var broken = false;
        try
        {
            if (!await store.ApplyAsync(batch, transaction, cancellationToken).ConfigureAwait(false))
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return CommitResult.Conflict;
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            StoreMetrics.Committed(store.Provider, 1);
            return CommitResult.Committed;
        }
        catch (SqliteException e)
        {
            broken = true;
            throw new StoreUnavailableException($"The SQLite store failed to commit: {e.Message}", e);
        }
        finally
        {
            End(broken);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// SQLite's own: the connection closed, or a result code about the database rather than the statement (busy or
    /// locked, out of memory, read-only, I/O error, corrupt, full, cannot open, not a database).
    /// </remarks>
    public override bool IsStoreFailure(Exception exception)
    {
        if (base.IsStoreFailure(exception) || connection.State != System.Data.ConnectionState.Open) return true;
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is 5 or 6 or 7 or 8 or 10 or 11 or 13 or 14 or 26) return true;
        return false;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_ended) return;
        var broken = false;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            broken = true;
        }
        End(broken);
    }

    private void End(bool broken)
    {
        if (_ended) return;
        _ended = true;
        transaction.Dispose();
        store.ReleaseWriter(broken);
    }
}
