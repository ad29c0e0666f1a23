namespace WsRm.Protocol.Sources;

/// <summary>
/// The answer of <see cref="SourceSequence.DueRetransmissions"/>: the numbers to send again now, in number order, or
/// the failure that faulted the sequence.
/// </summary>
/// <param name="Numbers">Messages to retransmit; call <see cref="SourceSequence.OnSent"/> for each when it goes out.</param>
/// <param name="Failure">Set when a message ran out of retries; the sequence is then Faulted and Numbers is empty.</param>
internal readonly record struct RetransmissionBatch(IReadOnlyList<ulong> Numbers, SourceFailure? Failure)
{
    /// <summary>Nothing to do.</summary>
    public static RetransmissionBatch None { get; } = new([], null);

    /// <summary>True when the batch faulted the sequence.</summary>
    public bool IsFailure => Failure is not null;
}
