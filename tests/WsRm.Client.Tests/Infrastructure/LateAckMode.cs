namespace WsRm.Client.Tests.Infrastructure;

/// <summary>How <see cref="LateAckDestination"/> acknowledges the one-way messages it answers with HTTP 202.</summary>
internal enum LateAckMode
{
    /// <summary>
    /// Only when asked: a message carrying an AckRequested header, and a standalone AckRequested, are answered 200 with
    /// the acknowledgement of everything received; anything else 202 with no body.
    /// </summary>
    OnAckRequested,

    /// <summary>
    /// gSOAP with an anonymous AcksTo: one-way messages and AckRequested are answered 202 with no body; acknowledgements
    /// come only on later responses: replies to requests, CloseSequenceResponse, TerminateSequenceResponse (1.0: the
    /// answer to TerminateSequence, see <see cref="LateAckTerminateAnswer"/>).
    /// </summary>
    OnLaterResponse,

    /// <summary>
    /// A destination that acknowledges after processing, driven by the test (<see cref="LateAckDestination.Release"/>):
    /// one-way messages are answered 202; an AckRequested (header or standalone) is answered with the acknowledgement
    /// of the released messages (WS-RM 1.1 <c>None</c> before any; 202 in 1.0, which cannot say none).
    /// </summary>
    WhenReleased,
}
