namespace WsRm.Protocol.Sources;

/// <summary>
/// Hearing from the destination and asking it: keep-alive and inactivity (<see cref="SourceKeepAlive"/>), and a
/// destination that answers without acknowledging (<see cref="AcknowledgementRequests"/>, WS-RM 1.1 §3.8).
/// </summary>
internal sealed partial class SourceSequence
{
    /// <summary>
    /// True once the destination answered a transmission without any acknowledgement of the sequence (HTTP 202, as
    /// gSOAP does): every application message then carries a <c>wsrm:AckRequested</c> header (WS-RM 1.1 §3.8).
    /// </summary>
    public bool RequestsAcknowledgements => _requests.DestinationAcknowledgesLate;

    /// <summary>
    /// True while Closing when asking cannot bring the missing acknowledgements: every unacknowledged message was
    /// answered without one, and an AckRequested sent since was answered without any acknowledgement. Only a final
    /// acknowledgement can then say what arrived: WS-RM 1.1 CloseSequence's (§3.5); WS-RM 1.0, which has none, the one
    /// on TerminateSequence's answer, once the LastMessage is out (<see cref="NextCloseStep"/>). A 1.0 destination
    /// cannot say "none yet" (its SequenceAcknowledgement needs a range), so one that has acknowledged nothing and
    /// answers AckRequested with HTTP 202 is taken at its word too.
    /// </summary>
    public bool AwaitsFinalAcknowledgement =>
        State == SourceState.Closing && _queue.Count > 0 && _queue.AllAccepted && _requests.OnlyFinalAcknowledgementLeft;

    /// <summary>
    /// Transmission <paramref name="attempt"/> of message <paramref name="number"/> was answered (HTTP 202, or a response
    /// already given to <see cref="OnAcknowledgement"/>): the destination is alive. When the message is still
    /// unacknowledged it is accepted (it probably arrived; at its timer an AckRequested asks for it before it is sent
    /// again), and the first transmission's answer is a round-trip sample; when the answer acknowledged nothing of
    /// the sequence (<paramref name="answerAcknowledgedSequence"/> false: HTTP 202), the destination is known to
    /// acknowledge late (<see cref="RequestsAcknowledgements"/>). True when the message became accepted.
    /// </summary>
    public bool OnTransmissionAnswered(ulong number, int attempt, DateTimeOffset now, bool answerAcknowledgedSequence = false)
    {
        if (!IsSending) return false;
        _keepAlive.Received(now);
        if (!_queue.OnAnswered(number, attempt, now)) return false;
        _requests.OnUnacknowledgedAnswer(answerAcknowledgedSequence);
        return true;
    }

    /// <summary>Records any other message from the destination (a reply, a response), for keep-alive and inactivity.</summary>
    public void Touch(DateTimeOffset now) => _keepAlive.Received(now);

    /// <summary>Records that a standalone AckRequested was sent; returns its stamp for <see cref="OnAckRequestedAnswered"/>.</summary>
    public long OnAckRequestedSent(DateTimeOffset now)
    {
        _keepAlive.AckRequestedSent(now);
        return _requests.OnRequestSent();
    }

    /// <summary>
    /// The AckRequested stamped <paramref name="stamp"/> was answered (its acknowledgements already given to
    /// <see cref="OnAcknowledgement"/>); <paramref name="acknowledged"/> when the answer carried an acknowledgement of this
    /// sequence. Messages it probed that are still unacknowledged are sent again now.
    /// </summary>
    public void OnAckRequestedAnswered(long stamp, bool acknowledged, DateTimeOffset now)
    {
        if (!IsSending) return;
        _keepAlive.Received(now);
        _requests.OnRequestAnswered(stamp, acknowledged);
        _queue.ProbeAnswered(stamp, now);
    }

    /// <summary>When <see cref="NeedsAckRequested"/> becomes true, or null for never (see <see cref="SourceKeepAlive"/>).</summary>
    /// <param name="inactivityTimeout">The inactivity timeout: idle for half of it, ask.</param>
    /// <param name="acknowledgementsAwaited">
    /// True while a caller waits for window room or the sequence closes: when a message was answered without its
    /// acknowledgement since the last AckRequested, one is due at once (<see cref="DateTimeOffset.MinValue"/>).
    /// </param>
    public DateTimeOffset? NextAckRequestedTime(TimeSpan inactivityTimeout, bool acknowledgementsAwaited = false)
    {
        if (!IsSending) return null;
        if (_requests.RequestDue(acknowledgementsAwaited) && _queue.AnyAccepted) return DateTimeOffset.MinValue;
        return _keepAlive.NextAckRequestedTime(inactivityTimeout, _destinationRoom is <= 0 ? Rtt.CurrentTimeout : null);
    }

    /// <summary>
    /// True when a standalone AckRequested should be sent now: idle for half the inactivity timeout, probing a full
    /// buffer, or acknowledgements awaited from a destination that answered without them (see <see cref="NextAckRequestedTime"/>).
    /// </summary>
    public bool NeedsAckRequested(DateTimeOffset now, TimeSpan inactivityTimeout, bool acknowledgementsAwaited = false) =>
        NextAckRequestedTime(inactivityTimeout, acknowledgementsAwaited) is { } at && now >= at;

    /// <summary>True when nothing was received from the destination for <paramref name="inactivityTimeout"/>.</summary>
    public bool IsInactive(DateTimeOffset now, TimeSpan inactivityTimeout) => _keepAlive.IsInactive(now, inactivityTimeout);

    /// <summary>True when the granted lifetime is over.</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } at && now >= at;
}
