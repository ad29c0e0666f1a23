namespace WsRm.Protocol.Sources;

/// <summary>
/// What a closing source sends next (<see cref="SourceSequence.NextCloseStep"/>), once every message is acknowledged
/// or asking with AckRequested cannot bring the missing acknowledgements (<see cref="SourceSequence.AwaitsFinalAcknowledgement"/>).
/// <code>
///   WS-RM 1.1:  SendCloseSequence ──final acknowledgement, exactly 1..last──► SendTerminateSequence
///   WS-RM 1.0:  SendLastMessage ──its acknowledgement (and every other)──────► SendTerminateSequence
///                      └──────── AckRequested answered without one ─────────► SendTerminateSequenceForFinalAcknowledgement
/// </code>
/// </summary>
internal enum SourceCloseStep
{
    /// <summary>
    /// Nothing to send now: not closing, acknowledgements may still come by asking (AckRequested, retransmission), or
    /// the close's last message went out.
    /// </summary>
    None,

    /// <summary>WS-RM 1.0 §3.5: send the empty-bodied LastMessage (<see cref="SourceSequence.AssignLastMessage"/>).</summary>
    SendLastMessage,

    /// <summary>
    /// WS-RM 1.1 §3.5: send CloseSequence (<see cref="SourceSequence.OnCloseSequenceSent"/>); its answer's final
    /// acknowledgement goes to <see cref="SourceSequence.OnFinalAcknowledgement"/>.
    /// </summary>
    SendCloseSequence,

    /// <summary>The destination acknowledged the whole sequence (Closed): send TerminateSequence (§3.6); its answer decides nothing.</summary>
    SendTerminateSequence,

    /// <summary>
    /// WS-RM 1.0: the LastMessage is out, some messages are unacknowledged and the destination answers AckRequested
    /// without acknowledgements (gSOAP acknowledges one-way messages only on later responses). 1.0 has no
    /// CloseSequence: the only final word left is the acknowledgement on TerminateSequence's answer (WCF, gSOAP and
    /// WsRm's server put one there). Send TerminateSequence (<see cref="SourceSequence.OnTerminateSequenceSent"/>);
    /// its answer goes to <see cref="SourceSequence.OnTerminateSequenceAnswered"/>, which closes or faults.
    /// </summary>
    SendTerminateSequenceForFinalAcknowledgement,
}
