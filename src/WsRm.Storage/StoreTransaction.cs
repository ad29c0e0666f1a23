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

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
