namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// How <see cref="LateAckDestination"/> answers a WS-RM 1.0 TerminateSequence (1.0 defines no answer; 1.1 always gets
/// TerminateSequenceResponse with the final acknowledgement). Whatever the answer, the sequence is terminated, and a
/// TerminateSequence for it again is answered HTTP 202 with no body, as gSOAP does.
/// </summary>
internal enum LateAckTerminateAnswer
{
    /// <summary>
    /// What WCF, WsRm's server and gSOAP 2.8's 1.0 server send (captured from gSOAP): HTTP 200, action TerminateSequence,
    /// a TerminateSequence body naming the offered reply sequence, and the acknowledgement of every message received.
    /// </summary>
    ReplySequence,

    /// <summary>The same, but the body names the client's own sequence (what gSOAP's 1.0 client expects).</summary>
    OwnSequence,

    /// <summary>The same, but the body names a sequence the client never heard of.</summary>
    OtherSequence,

    /// <summary>The TerminateSequence of the reply sequence without any acknowledgement.</summary>
    WithoutAcknowledgement,

    /// <summary>HTTP 202 with no body (a destination that treats 1.0's TerminateSequence as one-way).</summary>
    Empty,

    /// <summary>A wsrm:UnknownSequence fault (HTTP 500).</summary>
    UnknownSequenceFault,

    /// <summary>
    /// A wsrm:SequenceTerminated fault (HTTP 500) that carries the acknowledgement of what was received: gSOAP faults so
    /// when it discards an incomplete sequence (DiscardEntireSequence), so that what it received was not delivered.
    /// </summary>
    SequenceTerminatedFault,
}
