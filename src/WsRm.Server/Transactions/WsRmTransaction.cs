using System.Data.Common;
using WsRm.Server.Dispatch;
using WsRm.Storage;

namespace WsRm.Server;

/// <summary>
/// The store's transaction that marks the message being processed as done: database work a service does through it
/// commits in the same transaction, or not at all (exactly-once processing). Available while a durable endpoint's
/// service runs a message (<see cref="WsRmTransactionAccessor.Current"/>); begun on first use, so a service that never
/// touches it costs nothing and its message is marked done in the next group commit instead.
/// </summary>
/// <remarks>
/// SQLite has one writer: while a service holds this transaction, every other write of the store waits (keep the work
/// short). With PostgreSQL it is a transaction of its own. Work done elsewhere (another database, a web call) is not
/// part of it: for that work processing is at least once, since a crash after it and before the commit runs the
/// message again.
/// </remarks>
public sealed class WsRmTransaction
{
    private readonly IWsRmStore _store;
    private StoreTransaction? _begun;

    internal WsRmTransaction(IWsRmStore store) => _store = store;

    /// <summary>The store's provider (<c>Sqlite</c>, <c>PostgreSql</c>), for SQL that differs between them.</summary>
    public string Provider => _store.Provider;

    /// <summary>The connection, open, in the transaction (begins it when needed).</summary>
    public DbConnection Connection => Begin().Connection;

    /// <summary>The transaction to enlist commands in (begins it when needed).</summary>
    public DbTransaction Transaction => Begin().Transaction;

    /// <summary>A command on <see cref="Connection"/> enlisted in <see cref="Transaction"/>.</summary>
    public DbCommand CreateCommand()
    {
        var begun = Begin();
        var command = begun.Connection.CreateCommand();
        command.Transaction = begun.Transaction;
        return command;
    }

    /// <summary>Begins the transaction without blocking a thread, for asynchronous services.</summary>
    public async ValueTask<DbTransaction> GetTransactionAsync(CancellationToken cancellationToken = default) =>
        (_begun ??= await _store.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)).Transaction;

    /// <summary>The transaction, when the service used it.</summary>
    internal StoreTransaction? Begun => _begun;

    /// <summary>
    /// The store's failure behind a call that threw (<see cref="OperationResult.ServiceFailed"/>): the exception the
    /// service's work met beginning this transaction or in it, as a <see cref="StoreUnavailableException"/> when it is
    /// the database's (<see cref="StoreTransaction.IsStoreFailure"/>); null when the call did not throw or the failure is
    /// the service's own.
    /// </summary>
    internal StoreUnavailableException? StoreFailure(OperationResult result)
    {
        if (!result.ServiceFailed || result.Exception is not { } exception) return null;
        return StoreUnavailableException.In(exception)
            ?? (_begun is not null && _begun.IsStoreFailure(exception)
                ? new StoreUnavailableException($"The store failed under the service's work: {exception.Message}", exception)
                : null);
    }

    private StoreTransaction Begin() => _begun ??= _store.BeginTransactionAsync().GetAwaiter().GetResult();
}
