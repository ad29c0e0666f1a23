namespace WsRm.Protocol.Sources;

/// <summary>Why a source sequence faulted; the caller picks its exception from it.</summary>
internal enum SourceFailureKind
{
    /// <summary>A message went unacknowledged after <see cref="SourceSequenceSettings.MaxRetryCount"/> retransmissions.</summary>
    RetriesExhausted,

    /// <summary>The destination sent an acknowledgement that breaks the invariants (WS-RM 1.1 §4.4).</summary>
    InvalidAcknowledgement,

    /// <summary>
    /// The destination closed the sequence (final acknowledgement), or answered WS-RM 1.0's TerminateSequence, before
    /// acknowledging every message.
    /// </summary>
    DestinationClosed,

    /// <summary>The destination answered with a WS-RM fault (CreateSequenceRefused, SequenceTerminated, …).</summary>
    RemoteFault,

    /// <summary>Nothing was heard from the destination for the inactivity timeout.</summary>
    InactivityTimeout,
}
