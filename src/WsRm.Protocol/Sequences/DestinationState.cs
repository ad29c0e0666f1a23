namespace WsRm.Protocol.Sequences;

/// <summary>
/// Lifetime of a destination sequence.
/// <code>
///   Active ──CloseSequence (1.1)──► Closed ──TerminateSequence──► Terminated
///     │                                                              ▲
///     └──────── TerminateSequence / sequence fault / inactivity ─────┘
/// </code>
/// 1.0's LastMessage does not close: it fixes the last number, and later numbers fault.
/// </summary>
public enum DestinationState
{
    /// <summary>Accepting messages.</summary>
    Active,

    /// <summary>No new messages; duplicates are still acknowledged (final acknowledgement).</summary>
    Closed,

    /// <summary>Gone: every message about it gets UnknownSequence.</summary>
    Terminated,
}
