namespace WsRm.Storage;

/// <summary>
/// A message in a transmission queue (the source side): committed when the caller's one-way call returns, numbered on
/// a source sequence when first sent, removed when acknowledged, or moved to the dead-letter queue.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>Assigned by the database when enqueued; 0 before.</summary>
    public long Id { get; init; }

    /// <summary>The transmission queue's name (one per queued client).</summary>
    public required string Queue { get; init; }

    /// <summary>The wsa:Action to send it with.</summary>
    public required string Action { get; init; }

    /// <summary>The body's content (the element(s) inside soap:Body), UTF-8 XML.</summary>
    public required byte[] Body { get; init; }

    /// <summary>When it was enqueued.</summary>
    public DateTimeOffset Enqueued { get; init; }

    /// <summary>When it expires (WCF's TimeToLive from enqueueing), or null for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Pending or dead.</summary>
    public OutboxState State { get; init; }

    /// <summary>The source sequence it was numbered on, once sent.</summary>
    public string? SequenceId { get; init; }

    /// <summary>Its message number on <see cref="SequenceId"/>, once sent.</summary>
    public ulong? Number { get; init; }

    /// <summary>Times the message was put on a source sequence to be sent (across restarts and lost sequences); retransmissions on one sequence are not counted.</summary>
    public int Attempts { get; init; }

    /// <summary>The last failure, in words.</summary>
    public string? LastError { get; init; }

    /// <summary>Why it is in the dead-letter queue.</summary>
    public string? DeadReason { get; init; }

    /// <summary>When it went to the dead-letter queue.</summary>
    public DateTimeOffset? DeadAt { get; init; }
}
