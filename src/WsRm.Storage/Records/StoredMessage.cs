namespace WsRm.Storage;

/// <summary>
/// A message accepted (and acknowledged) on a durable sequence and not yet done: the receive buffer of a durable
/// session, the target queue of a queued endpoint, and the poison messages parked there.
/// </summary>
public sealed record StoredMessage
{
    /// <summary>The sequence it came on.</summary>
    public required string SequenceId { get; init; }

    /// <summary>Its message number.</summary>
    public required ulong Number { get; init; }

    /// <summary>The endpoint (route pattern) it was sent to.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Its wsa:Action.</summary>
    public string? Action { get; init; }

    /// <summary>The whole SOAP envelope as received, UTF-8.</summary>
    public required byte[] Envelope { get; init; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset Received { get; init; }

    /// <summary>Ready, in progress or parked.</summary>
    public MessageState State { get; init; }

    /// <summary>Failed delivery attempts in the current retry cycle.</summary>
    public int Attempts { get; init; }

    /// <summary>Retry cycles completed (WCF's MaxRetryCycles counts these).</summary>
    public int Cycles { get; init; }

    /// <summary>Not to be delivered before this time (a retry cycle's delay), or null.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>End of a consumer's lease while <see cref="MessageState.InProgress"/>.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The last failure, in words, or null.</summary>
    public string? LastError { get; init; }
}
