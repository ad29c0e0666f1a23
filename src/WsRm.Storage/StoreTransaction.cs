using System.Data.Common;

namespace WsRm.Storage;

/// <summary>
/// A database transaction a service's own work joins (exactly-once processing): run commands on
/// <see cref="Connection"/> within <see cref="Transaction"/>, then <see cref="CommitAsync"/> writes the message's own
/// changes (done, its reply) in the same transaction and commits. Disposing without committing rolls back.
/// </summary>
public abstract class StoreTransaction : IAsyncDisposable
{
    /// <summary>The connection, open.</summary>
    public abstract DbConnection Connection { get; }

    /// <summary>The transaction to enlist commands in (<c>command.Transaction = Transaction</c>).</summary>
    public abstract DbTransaction Transaction { get; }

    /// <summary>
    /// Applies <paramref name="batch"/> in this transaction and commits. On <see cref="CommitResult.Conflict"/> nothing
    /// was committed, the service's work included. Throws <see cref="StoreUnavailableException"/> on a database error.
    /// </summary>
    public abstract Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="exception"/>, met by work on this transaction (a service's command, its commit), is the
    /// database's failure rather than the work's own: a lost connection, an I/O error, a full, busy or read-only
    /// database, a deadlock. Such a failure leaves nothing committed and says nothing about the message: it is not
    /// processed, and is delivered again once the store answers, instead of counting as the service's failure. This
    /// implementation looks for a <see cref="StoreUnavailableException"/> among the exception and its inner ones; the
    /// stores add their own database's errors.
    /// </summary>
    public virtual bool IsStoreFailure(Exception exception) => StoreUnavailableException.In(exception) is not null;

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
