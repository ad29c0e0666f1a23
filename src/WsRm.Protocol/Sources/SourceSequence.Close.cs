using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sources;

/// <summary>
/// Closing: which message the close sends next (<see cref="NextCloseStep"/>), and WS-RM 1.0's TerminateSequence as the
/// last word of a destination that acknowledges nothing when asked.
/// </summary>
internal sealed partial class SourceSequence
{
    /// <summary>
    /// What to send next once <see cref="BeginClose"/> was called (see <see cref="SourceCloseStep"/>); it changes with
    /// acknowledgements, answers and <see cref="OnAckRequestedAnswered"/>. The waits are: every message acknowledged,
    /// or, when the destination answers AckRequested without acknowledgements, <see cref="AwaitsFinalAcknowledgement"/>.
    /// A destination that acknowledges on its answers (WsRm's server, WCF) never meets the second: 1.1 CloseSequence
    /// then TerminateSequence, 1.0 LastMessage then TerminateSequence, each once everything before it is acknowledged.
    /// A 1.1 sequence the destination already closed (Final, complete) is still sent CloseSequence.
    /// </summary>
    public SourceCloseStep NextCloseStep
    {
        get
        {
            if (_terminateSequenceSent) return SourceCloseStep.None;
            if (Rm.Is11)
            {
                if (State is not (SourceState.Closing or SourceState.Closed)) return SourceCloseStep.None;
                if (_closeSequenceSent) return State == SourceState.Closed ? SourceCloseStep.SendTerminateSequence : SourceCloseStep.None;
                return State == SourceState.Closed || IsFullyAcknowledged || AwaitsFinalAcknowledgement
                    ? SourceCloseStep.SendCloseSequence
                    : SourceCloseStep.None;
            }
            if (State == SourceState.Closed) return SourceCloseStep.SendTerminateSequence; // 1..LastMessage acknowledged
            if (State != SourceState.Closing) return SourceCloseStep.None;
            // The LastMessage may go out with earlier messages unacknowledged: the destination still takes lower numbers.
            if (!_lastMessageAssigned)
                return IsFullyAcknowledged || AwaitsFinalAcknowledgement ? SourceCloseStep.SendLastMessage : SourceCloseStep.None;
            return AwaitsFinalAcknowledgement ? SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement : SourceCloseStep.None;
        }
    }

    /// <summary>
    /// TerminateSequence goes out (WS-RM 1.1 §3.6, 1.0 §3.6): the destination forgets the sequence, so nothing more is
    /// sent on it, even messages still unacknowledged: no retransmission, no AckRequested (they would meet
    /// UnknownSequence). Acknowledgements still apply. Any state; idempotent.
    /// </summary>
    public void OnTerminateSequenceSent() => _terminateSequenceSent = true;

    /// <summary>
    /// WS-RM 1.0, <see cref="SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement"/>: TerminateSequence was
    /// answered, and <paramref name="ack"/> is that answer's acknowledgement of this sequence (null when it carried
    /// none: HTTP 202, a fault, a body without it). It is the destination's last word: when it covers every
    /// unacknowledged message (1..LastMessage), Closing → Closed; otherwise the sequence is Faulted
    /// (<see cref="SourceFailureKind.DestinationClosed"/>, naming the messages left out, and <paramref name="answer"/>,
    /// a description of the answer, when given): a message is never dropped silently. An invalid acknowledgement
    /// (past the LastMessage, a retraction) faults as <see cref="SourceFailureKind.InvalidAcknowledgement"/>. What it
    /// covers is released either way. Ignored once Closed, Terminated or Faulted.
    /// </summary>
    /// <exception cref="InvalidOperationException">WS-RM 1.1, or before the LastMessage and <see cref="OnTerminateSequenceSent"/>.</exception>
    public AcknowledgementResult OnTerminateSequenceAnswered(SequenceAcknowledgement? ack, DateTimeOffset now, string? answer = null)
    {
        if (Rm.Is11) throw new InvalidOperationException("WS-RM 1.1's final acknowledgement answers CloseSequence; use OnFinalAcknowledgement.");
        if (!_lastMessageAssigned || !_terminateSequenceSent)
            throw new InvalidOperationException("Send the LastMessage, then TerminateSequence (OnTerminateSequenceSent), before taking its answer.");
        if (ack is not null) CheckIdentifier(ack);
        _keepAlive.Received(now);
        if (State != SourceState.Closing) return AcknowledgementResult.Ignored(State);
        var before = State;
        var result = Result(AcknowledgementOutcome.Stale, before);
        if (ack is not null)
        {
            var verdict = AcknowledgementCheck.Classify(ack, HighestAssigned, _acknowledged, out var ranges, out var problem, _resumedAfter, _restored);
            if (verdict == AcknowledgementVerdict.Invalid) return Invalid(ack, problem!, before, fault: true);
            if (verdict == AcknowledgementVerdict.Current) result = Apply(ack, ranges, now, before);
        }
        if (_queue.Count == 0) State = SourceState.Closed;
        else Fault(SourceFailure.TerminatedUnacknowledged(Id, [.. UnacknowledgedNumbers], answer));
        return result with { FullyAcknowledged = _queue.Count == 0, Transition = new(before, State) };
    }
}
