namespace WsRm.Protocol.Sources;

/// <summary>
/// What a source learns about a destination that answers messages without acknowledging them (HTTP 202 with no body,
/// as gSOAP does, or an answer whose acknowledgement leaves the message out: it acknowledges later or on another
/// message), and when it asks with <c>wsrm:AckRequested</c> (WS-RM 1.1 §3.8, 1.0 §3.3):
/// <list type="bullet">
/// <item>once an answer came without any acknowledgement of the sequence (HTTP 202), every application message carries
/// an AckRequested header (<see cref="DestinationAcknowledgesLate"/>); a destination that acknowledges on its answers
/// never pays for it, even when one answer leaves a message out (the answer to a duplicate that overtook the
/// original, say);</item>
/// <item>a standalone AckRequested is sent at once when someone waits for acknowledgements (a full window, close) and a
/// message was answered without one since the last AckRequested (<see cref="RequestDue"/>); after that, the
/// retransmission timers ask again (see <see cref="RetransmissionQueue"/>), never a loop;</item>
/// <item>when an AckRequested sent after the last such answer is itself answered without any acknowledgement, asking is
/// useless (<see cref="OnlyFinalAcknowledgementLeft"/>): only a final acknowledgement can tell what arrived, WS-RM 1.1
/// CloseSequence's, or with WS-RM 1.0 the one on TerminateSequence's answer.</item>
/// </list>
/// Answers and requests are ordered by a logical clock, not by time: several happen at one instant. Not thread-safe.
/// </summary>
internal sealed class AcknowledgementRequests
{
    private long _clock;
    private long _lastUnacknowledgedAnswer;
    private long _lastRequest;
    private long _lastRequestUnanswered;

    /// <summary>True once a transmission was answered without any acknowledgement of the sequence: application messages then carry AckRequested.</summary>
    public bool DestinationAcknowledgesLate { get; private set; }

    /// <summary>True when an AckRequested sent after the last unacknowledged answer was answered without any acknowledgement.</summary>
    public bool OnlyFinalAcknowledgementLeft => _lastRequestUnanswered > _lastUnacknowledgedAnswer;

    /// <summary>A new stamp, later than every one before (for probes).</summary>
    public long Stamp() => ++_clock;

    /// <summary>
    /// A transmission was answered without acknowledging its message; <paramref name="answerAcknowledgedSequence"/>
    /// when the answer acknowledged others of the sequence.
    /// </summary>
    public void OnUnacknowledgedAnswer(bool answerAcknowledgedSequence)
    {
        if (!answerAcknowledgedSequence) DestinationAcknowledgesLate = true;
        _lastUnacknowledgedAnswer = ++_clock;
    }

    /// <summary>A standalone AckRequested goes out; returns its stamp, for <see cref="OnRequestAnswered"/>.</summary>
    public long OnRequestSent() => _lastRequest = ++_clock;

    /// <summary>
    /// The AckRequested stamped <paramref name="stamp"/> was answered; <paramref name="acknowledged"/> when the answer
    /// carried an acknowledgement of the sequence (even one that adds nothing).
    /// </summary>
    public void OnRequestAnswered(long stamp, bool acknowledged)
    {
        if (!acknowledged && stamp > _lastRequestUnanswered) _lastRequestUnanswered = stamp;
    }

    /// <summary>
    /// True when a standalone AckRequested should go out now: <paramref name="acknowledgementsAwaited"/> (a caller
    /// waits for window room, or the sequence is closing) and a message was answered without its acknowledgement since
    /// the last AckRequested.
    /// </summary>
    public bool RequestDue(bool acknowledgementsAwaited) => acknowledgementsAwaited && _lastUnacknowledgedAnswer > _lastRequest;
}
