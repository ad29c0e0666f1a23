namespace WsRm.Protocol.Sources;

/// <summary>
/// The answer of <see cref="SourceSequence.DueRetransmissions"/>: the numbers to send again now, in number order, or
/// the failure that faulted the sequence; and whether to ask for an acknowledgement first.
/// </summary>
/// <param name="Numbers">Messages to retransmit; call <see cref="SourceSequence.OnSent"/> for each when it goes out.</param>
/// <param name="Failure">Set when a message ran out of retries; the sequence is then Faulted and Numbers is empty.</param>
internal readonly record struct RetransmissionBatch(IReadOnlyList<ulong> Numbers, SourceFailure? Failure)
{
    /// <summary>Nothing to do.</summary>
    public static RetransmissionBatch None { get; } = new([], null);

    /// <summary>
    /// True when accepted-but-unacknowledged messages are due: send one standalone AckRequested now and report it with
    /// <see cref="SourceSequence.OnAckRequestedSent"/> (WS-RM 1.1 §3.8).
    /// </summary>
    public bool AckRequested { get; init; }

    /// <summary>Messages that spent their retries, the last transmission accepted: no longer retransmitted, still unacknowledged.</summary>
    public IReadOnlyList<ulong> Parked { get => field ?? []; init; }

    /// <summary>True when the batch faulted the sequence.</summary>
    public bool IsFailure => Failure is not null;
}
