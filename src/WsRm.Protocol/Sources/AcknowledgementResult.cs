using WsRm.Protocol.Faults;

namespace WsRm.Protocol.Sources;

/// <summary>What applying an acknowledgement did, and what the caller should do about it.</summary>
internal sealed record AcknowledgementResult
{
    /// <summary>Applied, stale, ignored or invalid.</summary>
    public required AcknowledgementOutcome Outcome { get; init; }

    /// <summary>For <see cref="AcknowledgementOutcome.Invalid"/>: the fault to send to the destination.</summary>
    public InvalidAcknowledgementFault? Fault { get; init; }

    /// <summary>For <see cref="AcknowledgementOutcome.Invalid"/>: what is wrong with it, for logs and exceptions.</summary>
    public string? Problem { get; init; }

    /// <summary>Messages acknowledged by this acknowledgement and not before, ascending: complete their waiters.</summary>
    public IReadOnlyList<SourceMessage> NewlyAcknowledged { get; init; } = [];

    /// <summary>The round-trip sample taken (Karn's algorithm: only from a message transmitted once), or null.</summary>
    public TimeSpan? RttSample { get; init; }

    /// <summary>How many Nacked messages were marked for immediate retransmission.</summary>
    public int RetransmissionsRequested { get; init; }

    /// <summary>True when every assigned message is now acknowledged.</summary>
    public bool FullyAcknowledged { get; init; }

    /// <summary>The state change caused (Closing→Closed on a complete acknowledgement, →Faulted).</summary>
    public SourceStateTransition Transition { get; init; }

    internal static AcknowledgementResult Ignored(SourceState state) =>
        new() { Outcome = AcknowledgementOutcome.Ignored, Transition = new(state, state) };
}
