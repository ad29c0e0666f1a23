using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Sources;

/// <summary>
/// The client as RM Destination of the sequence it offered for replies (WS-RM 1.1 §3.4 Offer): which reply numbers
/// arrived, duplicates (a retransmitted request answered again from the server's reply cache), the acknowledgement to
/// piggyback on the next request, 1.0's LastMessage and 1.1's CloseSequence. Replies are handed over as they arrive
/// (they are matched to requests by RelatesTo), so nothing is buffered; the received ranges are bounded, and a reply
/// that would open one range too many is dropped unacknowledged. No I/O, no clock. Not thread-safe.
/// States as in <see cref="DestinationState"/>.
/// </summary>
internal sealed class InboundReplySequence
{
    // The same rules as the server's destination side, unordered and with no delivery buffer: a reply is handed over
    // as soon as it is accepted.
    private readonly DestinationSequence _destination;

    /// <summary>The offered sequence, accepted by the CreateSequenceResponse.</summary>
    public InboundReplySequence(string id, RmVersion rm, SourceSequenceSettings settings, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(rm);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _destination = new DestinationSequence(id, rm, ordered: false,
            new DestinationSequenceLimits(Window: int.MaxValue, MaxRanges: settings.MaxAcknowledgementRanges), now);
    }

    /// <summary>The offered sequence id.</summary>
    public string Id => _destination.Id;

    /// <summary>The RM version.</summary>
    public RmVersion Rm => _destination.Rm;

    /// <summary>Current state.</summary>
    public DestinationState State => _destination.State;

    /// <summary>The last reply number once known (1.0 LastMessage, 1.1 CloseSequence's LastMsgNumber).</summary>
    public ulong? LastMessageNumber => _destination.LastMessageNumber;

    /// <summary>When the server was last heard from on this sequence.</summary>
    public DateTimeOffset LastActivity => _destination.LastActivity;

    /// <summary>The received reply numbers, ascending ranges.</summary>
    public IReadOnlyList<AckRange> Received => _destination.Received.Ranges;

    /// <summary>True when something arrived (new or duplicate) since the last acknowledgement sent.</summary>
    public bool AcknowledgementPending { get; private set; }

    /// <summary>True when the last number is known and every reply up to it arrived.</summary>
    public bool IsComplete => LastMessageNumber is { } last && _destination.Received.IsExactly(last);

    /// <summary>
    /// Decides about reply <paramref name="number"/> (WS-RM 1.1 §3.7, 1.0 §3.1): Accepted (hand it over), Duplicate
    /// (acknowledge again, do not hand over), Dropped (range bound reached) or Faulted. 1.0's LastMessage is accepted
    /// like any reply, but has no body to hand over.
    /// </summary>
    public ReceiveDecision Receive(ulong number, bool lastMessage, DateTimeOffset now)
    {
        var decision = _destination.Receive(number, lastMessage, now);
        if (decision.Outcome == ReceiveOutcome.Accepted) _destination.Delivered(number);
        if (decision.Outcome is ReceiveOutcome.Accepted or ReceiveOutcome.Duplicate) AcknowledgementPending = true;
        return decision;
    }

    /// <summary>The acknowledgement of every reply received, to piggyback on the next request (Final once closed, 1.1).</summary>
    public SequenceAcknowledgement Acknowledgement()
    {
        var ack = _destination.Acknowledgement(flowControl: false);
        return ack with { None = Rm.Is11 && ack.Ranges.Count == 0, Final = Rm.Is11 && ack.Final };
    }

    /// <summary>Records that <see cref="Acknowledgement"/> went out.</summary>
    public void OnAcknowledgementSent() => AcknowledgementPending = false;

    /// <summary>The server's CloseSequence for the reply sequence (WS-RM 1.1 §3.5): accept no new replies; idempotent.</summary>
    public StateTransition Close(ulong? lastMessageNumber, DateTimeOffset now)
    {
        var transition = _destination.Close(lastMessageNumber, now);
        if (transition.Changed) AcknowledgementPending = true;
        return transition;
    }

    /// <summary>TerminateSequence, a sequence fault, or the client closing: the sequence is gone; idempotent.</summary>
    public StateTransition Terminate() => _destination.Terminate();

    /// <summary>True when nothing arrived on the reply sequence for <paramref name="inactivityTimeout"/> (zero or negative: never).</summary>
    public bool IsInactive(DateTimeOffset now, TimeSpan inactivityTimeout) =>
        inactivityTimeout > TimeSpan.Zero && _destination.IsInactive(now, inactivityTimeout);
}
