using WsRm.Protocol.Faults;
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
    private readonly SequenceRanges _received = new();
    private readonly int _maxRanges;
    private const ulong MaxNumber = long.MaxValue;

    /// <summary>The offered sequence, accepted by the CreateSequenceResponse.</summary>
    public InboundReplySequence(string id, RmVersion rm, SourceSequenceSettings settings, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(rm);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Id = id;
        Rm = rm;
        _maxRanges = settings.MaxAcknowledgementRanges;
        LastActivity = now;
    }

    /// <summary>The offered sequence id.</summary>
    public string Id { get; }

    /// <summary>The RM version.</summary>
    public RmVersion Rm { get; }

    /// <summary>Current state.</summary>
    public DestinationState State { get; private set; }

    /// <summary>The last reply number once known (1.0 LastMessage, 1.1 CloseSequence's LastMsgNumber).</summary>
    public ulong? LastMessageNumber { get; private set; }

    /// <summary>When the server was last heard from on this sequence.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>The received reply numbers, ascending ranges.</summary>
    public IReadOnlyList<AckRange> Received => _received.Ranges;

    /// <summary>True when something arrived (new or duplicate) since the last acknowledgement sent.</summary>
    public bool AcknowledgementPending { get; private set; }

    /// <summary>True when the last number is known and every reply up to it arrived.</summary>
    public bool IsComplete => LastMessageNumber is { } last && _received.IsExactly(last);

    /// <summary>
    /// Decides about reply <paramref name="number"/> (WS-RM 1.1 §3.7, 1.0 §3.1): Accepted (hand it over), Duplicate
    /// (acknowledge again, do not hand over), Dropped (range bound reached) or Faulted. 1.0's LastMessage is accepted
    /// like any reply, but has no body to hand over.
    /// </summary>
    public ReceiveDecision Receive(ulong number, bool lastMessage, DateTimeOffset now)
    {
        if (State == DestinationState.Terminated) return ReceiveDecision.Faulted(new UnknownSequenceFault(Id));
        LastActivity = now;
        if (number == 0)
        {
            State = DestinationState.Terminated;
            return ReceiveDecision.Faulted(new SequenceTerminatedFault(Id, FaultCodeKind.Sender, "wsrm:MessageNumber 0 is not valid: numbering starts at 1."));
        }
        if (number > MaxNumber) return ReceiveDecision.Faulted(new MessageNumberRolloverFault(Id, MaxNumber));
        if (_received.Contains(number))
        {
            AcknowledgementPending = true;
            return ReceiveDecision.Duplicate;
        }
        if (LastMessageNumber is { } last && number > last) return ExceededLast();
        if (State == DestinationState.Closed) return ReceiveDecision.Faulted(new SequenceClosedFault(Id));
        if (lastMessage && number < _received.Highest) return ExceededLast();
        if (_received.Ranges.Count >= _maxRanges && _received.NeedsNewRange(number)) return ReceiveDecision.Dropped;

        if (lastMessage) LastMessageNumber = number;
        _received.Add(number);
        AcknowledgementPending = true;
        return ReceiveDecision.Accepted;
    }

    /// <summary>The acknowledgement of every reply received, to piggyback on the next request (Final once closed, 1.1).</summary>
    public SequenceAcknowledgement Acknowledgement() => new()
    {
        Identifier = Id,
        Ranges = _received.Snapshot(),
        None = Rm.Is11 && _received.Ranges.Count == 0,
        Final = Rm.Is11 && State != DestinationState.Active,
    };

    /// <summary>Records that <see cref="Acknowledgement"/> went out.</summary>
    public void OnAcknowledgementSent() => AcknowledgementPending = false;

    /// <summary>The server's CloseSequence for the reply sequence (WS-RM 1.1 §3.5): accept no new replies; idempotent.</summary>
    public StateTransition Close(ulong? lastMessageNumber, DateTimeOffset now)
    {
        var before = State;
        LastActivity = now;
        if (State == DestinationState.Active)
        {
            State = DestinationState.Closed;
            LastMessageNumber ??= lastMessageNumber ?? _received.Highest;
            AcknowledgementPending = true;
        }
        return new StateTransition(before, State);
    }

    /// <summary>TerminateSequence, a sequence fault, or the client closing: the sequence is gone; idempotent.</summary>
    public StateTransition Terminate()
    {
        var before = State;
        State = DestinationState.Terminated;
        return new StateTransition(before, State);
    }

    /// <summary>True when nothing arrived on the reply sequence for <paramref name="inactivityTimeout"/> (zero or negative: never).</summary>
    public bool IsInactive(DateTimeOffset now, TimeSpan inactivityTimeout) =>
        inactivityTimeout > TimeSpan.Zero && now - LastActivity >= inactivityTimeout;

    // 1.1 keeps the sequence and refuses the message; 1.0's LastMessageNumberExceeded is unrecoverable (§4.5 of 1.0).
    private ReceiveDecision ExceededLast()
    {
        if (Rm.Is11) return ReceiveDecision.Faulted(new SequenceClosedFault(Id));
        State = DestinationState.Terminated;
        return ReceiveDecision.Faulted(new LastMessageNumberExceededFault(Id));
    }
}
