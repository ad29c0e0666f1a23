namespace WsRm.Protocol.Sources;

/// <summary>
/// Lifetime of a source sequence (WS-RM 1.1 §2, §3.4–§3.6; 1.0 §3).
/// <code>
///   Creating ──OnCreated──► Active ──BeginClose──► Closing ──complete acknowledgement──► Closed
///                             │                                                           ▲
///                             └──────── Final acknowledgement (1.1), complete ────────────┘
///
///   Creating, Active, Closing, Closed ──Terminate──────────────────────────────────────► Terminated
///   Creating, Active, Closing, Closed ──Fault (retries exhausted, refused, invalid or
///                                       incomplete final acknowledgement)──────────────► Faulted
/// </code>
/// Closed means the destination confirmed the whole sequence: 1.1's final acknowledgement of exactly 1..last, or an
/// acknowledgement of 1..LastMessage in 1.0 (on any answer, or on TerminateSequence's answer when the destination
/// acknowledges nothing when asked: <see cref="SourceSequence.OnTerminateSequenceAnswered"/>, which faults when it is
/// incomplete). Terminated and Faulted are final; neither leaves for the other.
/// </summary>
internal enum SourceState
{
    /// <summary>CreateSequence sent; no identifier yet, nothing may be numbered.</summary>
    Creating,

    /// <summary>Numbering and sending messages.</summary>
    Active,

    /// <summary>The last number is fixed; no new messages, waiting for every acknowledgement.</summary>
    Closing,

    /// <summary>The destination acknowledged the complete sequence; only TerminateSequence remains.</summary>
    Closed,

    /// <summary>Ended normally (or abandoned by the caller).</summary>
    Terminated,

    /// <summary>Ended by an error; see <see cref="SourceSequence.Failure"/>.</summary>
    Faulted,
}
