namespace WsRm.Storage;

/// <summary>
/// The operator's view of a store: poison messages of queued endpoints and dead letters of transmission queues — list,
/// inspect, requeue, purge — and the depth of every queue. The command-line tool and the health checks use it.
/// </summary>
public interface IWsRmStoreAdmin
{
    /// <summary>Poison messages (parked, rejected or faulting), oldest first; of one endpoint, or all.</summary>
    Task<IReadOnlyList<StoredMessage>> ListPoisonAsync(string? endpoint, int max, CancellationToken cancellationToken = default);

    /// <summary>One accepted message not yet done (any state), or null.</summary>
    Task<StoredMessage?> FindMessageAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default);

    /// <summary>Makes a poison message ready again with fresh retry counts; false when there was no such poison message.</summary>
    Task<bool> RequeuePoisonAsync(string sequenceId, ulong number, CancellationToken cancellationToken = default);

    /// <summary>Deletes poison messages: one, those of a sequence, those of an endpoint, or all; returns how many.</summary>
    Task<int> PurgePoisonAsync(string? endpoint, string? sequenceId, ulong? number, CancellationToken cancellationToken = default);

    /// <summary>Dead letters, oldest first; of one transmission queue, or all.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(string? queue, int max, CancellationToken cancellationToken = default);

    /// <summary>One message of a transmission queue (pending or dead), or null.</summary>
    Task<OutboxMessage?> FindOutboxAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a dead letter back in its transmission queue to be sent again, on the queue's current sequence, expiring
    /// after <paramref name="timeToLive"/> from <paramref name="now"/> (or never); false when there was no such dead letter.
    /// </summary>
    Task<bool> RequeueDeadLetterAsync(long id, TimeSpan? timeToLive, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Deletes dead letters: one, those of a queue, or all; returns how many.</summary>
    Task<int> PurgeDeadLettersAsync(string? queue, long? id, CancellationToken cancellationToken = default);

    /// <summary>Messages waiting in every queue, and the oldest one's time, for metrics and health.</summary>
    Task<IReadOnlyList<QueueDepth>> GetQueueDepthsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A cheap round trip that says whether the database can be used now, for health checks: returns the number of
    /// sequences stored (as <see cref="IWsRmStore.CountSequencesAsync"/>), read on a connection that proves the database is
    /// there. SQLite opens the file anew and never creates it: a pooled connection would go on reading a file that was
    /// deleted or whose folder was removed (and the store would go on writing to it, lost at the next start). PostgreSQL
    /// takes a connection as every other call does: the query itself reaches the server. Throws
    /// <see cref="StoreUnavailableException"/>, with the database's reason, when it cannot.
    /// </summary>
    Task<int> CheckAsync(CancellationToken cancellationToken = default);
}
