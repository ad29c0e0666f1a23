namespace WsRm.Storage;

/// <summary>
/// Where durable WS-RM state lives: destination sequences with the messages they accepted and the replies they keep,
/// and transmission queues with their source sequences. One small interface about data, implemented over SQLite
/// (embedded, the default) and PostgreSQL (shared by several servers). Nothing here holds a lock between calls: every
/// change is a <see cref="StoreBatch"/> whose updates carry the version they were read at, so any number of processes
/// may share one database.
/// </summary>
/// <remarks>
/// Times passed in are the caller's clock (its <see cref="TimeProvider"/>); a provider configured to use the database's
/// clock ignores them and writes and compares the database's own time instead.
/// </remarks>
public interface IWsRmStore : IAsyncDisposable
{
    /// <summary>The provider's name, e.g. <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    string Provider { get; }

    /// <summary>
    /// Creates the schema, or migrates an older one. Throws <see cref="StoreSchemaException"/> when the database's schema
    /// is newer than this code knows, <see cref="StoreUnavailableException"/> when it cannot be reached.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="batch"/>, all or nothing, sharing a transaction and a flush with batches committed at the
    /// same time; completes once it is durable. Batches are written in the order of the calls (the batch is queued before
    /// this returns), so a caller that commits under its own lock keeps its changes in order. Once queued a batch is
    /// written whatever happens to the caller: <paramref name="cancellationToken"/> is not observed after that. Throws
    /// <see cref="StoreUnavailableException"/> when nothing could be written (or, on a database server whose connection
    /// broke while the commit was under way, when whether it was written is unknown: read again before deciding).
    /// </summary>
    Task<CommitResult> CommitAsync(StoreBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// A transaction of its own, for a service whose database work must commit together with its message being marked
    /// done (exactly-once processing). Commit it with <see cref="StoreTransaction.CommitAsync"/>; disposing without
    /// committing rolls back.
    /// </summary>
    Task<StoreTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>The sequence with this identifier, or null.</summary>
    Task<StoredSequence?> FindSequenceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The sequence whose offered reply sequence has this identifier, or null.</summary>
    Task<StoredSequence?> FindSequenceByReplyIdAsync(string replyId, CancellationToken cancellationToken = default);

    /// <summary>Sequences stored: all of them, or those of one client key.</summary>
    Task<int> CountSequencesAsync(string? clientKey = null, CancellationToken cancellationToken = default);

    /// <summary>The messages of a sequence not yet done (any state), by number.</summary>
    Task<IReadOnlyList<StoredMessage>> ReadMessagesAsync(string sequenceId, CancellationToken cancellationToken = default);

    /// <summary>The kept reply to request <paramref name="requestNumber"/> of a sequence, or null.</summary>
    Task<StoredReply?> FindReplyAsync(string sequenceId, ulong requestNumber, CancellationToken cancellationToken = default);

    /// <summary>Sequences of <paramref name="endpoint"/> that still have messages to deliver (ready or in progress).</summary>
    Task<IReadOnlyList<string>> FindSequencesWithMessagesAsync(string endpoint, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> sequences whose source was last heard from before <c>now - inactivity</c>.</summary>
    Task<IReadOnlyList<StoredSequence>> FindInactiveSequencesAsync(TimeSpan inactivity, DateTimeOffset now, int max,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="max"/> messages of <paramref name="endpoint"/> to deliver, oldest first, leasing them
    /// until <c>now + lease</c>: ready ones whose not-before time has come, and in-progress ones whose lease ran out
    /// (their consumer died). A message of an ordered sequence is taken only when no lower number of it is ready or in
    /// progress. Committed at once.
    /// </summary>
    Task<IReadOnlyList<StoredMessage>> ClaimMessagesAsync(string endpoint, int max, DateTimeOffset now, TimeSpan lease,
        CancellationToken cancellationToken = default);

    /// <summary>The source sequence transmission queue <paramref name="queue"/> sends on, or null.</summary>
    Task<StoredSourceSequence?> FindSourceSequenceAsync(string queue, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> pending messages of a transmission queue, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(string queue, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the pending messages of <paramref name="queue"/> whose TimeToLive passed (before <paramref name="now"/>)
    /// to its dead-letter queue, with the reason; returns them.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ExpireOutboxAsync(string queue, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Lists poison and dead-letter messages, and looks into queues: the operator's view.</summary>
    IWsRmStoreAdmin Admin { get; }
}
