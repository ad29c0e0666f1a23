namespace WsRm.Protocol.Sources;

/// <summary>How a <c>wsrm:SequenceAcknowledgement</c> was taken.</summary>
internal enum AcknowledgementOutcome
{
    /// <summary>Valid and current: acknowledged messages were released, BufferRemaining and Nacks applied.</summary>
    Applied,

    /// <summary>
    /// Valid but older than one already applied (it acknowledges a strict subset of what is known): a response that
    /// overtook another on concurrent HTTP requests. Nothing applied.
    /// </summary>
    Stale,

    /// <summary>The sequence is Terminated or Faulted; nothing applied.</summary>
    Ignored,

    /// <summary>Breaks the WS-RM invariants (WS-RM 1.1 §3.9, §4.4); see <see cref="AcknowledgementResult.Fault"/>.</summary>
    Invalid,
}
