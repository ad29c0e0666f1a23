using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sequences;

/// <summary>
/// The receiving side of one sequence (RM Destination): which numbers arrived, which may be delivered now, the
/// acknowledgement to send, close and terminate. No I/O, no clock: callers pass the time. Not thread-safe: the owner
/// serialises calls per sequence.
/// </summary>
public sealed class DestinationSequence
{
    private readonly SequenceRanges _received = new();
    private readonly DestinationSequenceLimits _limits;
    private ulong _nextToDeliver = 1;
    private int _undelivered;

    // True once the source itself named the last number (1.0 LastMessage, 1.1 LastMsgNumber), as opposed to the
    // highest number received standing in for it after a CloseSequence without LastMsgNumber.
    private bool _lastNamedBySource;

    /// <summary>Creates an active sequence.</summary>
    public DestinationSequence(string id, RmVersion rm, bool ordered, DestinationSequenceLimits limits, DateTimeOffset now)
    {
        Id = id;
        Rm = rm;
        Ordered = ordered;
        _limits = limits;
        LastActivity = now;
    }

    /// <summary>
    /// Rebuilds a sequence from stored state: its received ranges, its buffer, its last number and state. The next
    /// number to deliver (ordered) is the lowest number not delivered yet: the lowest buffered one, or the first gap.
    /// </summary>
    public static DestinationSequence Restore(string id, RmVersion rm, bool ordered, DestinationSequenceLimits limits, DestinationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sequence = new DestinationSequence(id, rm, ordered, limits, snapshot.LastActivity)
        {
            State = snapshot.State,
            LastMessageNumber = snapshot.LastMessageNumber,
        };
        sequence._lastNamedBySource = snapshot.LastNamedBySource;
        sequence._received.Load(snapshot.Received);
        sequence._undelivered = snapshot.Buffered.Count;
        sequence._nextToDeliver = FirstUndelivered(snapshot.Received, snapshot.Buffered);
        return sequence;
    }

    // The lowest number ≥ 1 that is not delivered: not received, or received and still buffered.
    private static ulong FirstUndelivered(IReadOnlyList<AckRange> received, IReadOnlyCollection<ulong> buffered)
    {
        ulong next = 1;
        foreach (var range in received)
        {
            if (range.Lower > next) break;
            ulong? lowestBuffered = null;
            foreach (var b in buffered)
                if (b >= next && b <= range.Upper && (lowestBuffered is null || b < lowestBuffered)) lowestBuffered = b;
            if (lowestBuffered is { } first) return first;
            next = range.Upper + 1;
        }
        return next;
    }

    /// <summary>This sequence's state as plain data; <paramref name="buffered"/> are the numbers still in its buffer.</summary>
    public DestinationSnapshot Capture(IReadOnlyCollection<ulong> buffered) =>
        new(_received.Snapshot(), buffered, LastMessageNumber, _lastNamedBySource, State, LastActivity);

    /// <summary>True when the source named <see cref="LastMessageNumber"/> (1.0 LastMessage, 1.1 LastMsgNumber).</summary>
    public bool LastNamedBySource => _lastNamedBySource;

    /// <summary>The sequence id.</summary>
    public string Id { get; }

    /// <summary>The RM version the sequence was created with.</summary>
    public RmVersion Rm { get; }

    /// <summary>Whether delivery follows message numbers.</summary>
    public bool Ordered { get; }

    /// <summary>Current state.</summary>
    public DestinationState State { get; private set; }

    /// <summary>The last message number, once known (1.0 LastMessage, 1.1 LastMsgNumber).</summary>
    public ulong? LastMessageNumber { get; private set; }

    /// <summary>When the source was last heard from.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>The received numbers.</summary>
    public SequenceRanges Received => _received;

    /// <summary>Free room in the receive buffer, advertised as BufferRemaining.</summary>
    public int BufferRemaining => Math.Max(0, _limits.Window - _undelivered);

    /// <summary>The largest message number accepted (WS-RM 1.1 §4.5: reaching 2^63-1 is a rollover).</summary>
    public static ulong MaxMessageNumber => long.MaxValue - 1;

    /// <summary>Decides what to do with message <paramref name="number"/> (WS-RM 1.1 §3.2, 1.0 §3.1 and §4).</summary>
    public ReceiveDecision Receive(ulong number, bool lastMessage, DateTimeOffset now)
    {
        if (State == DestinationState.Terminated) return ReceiveDecision.Faulted(new UnknownSequenceFault(Id));
        LastActivity = now;
        if (number == 0)
        {
            State = DestinationState.Terminated;
            return ReceiveDecision.Faulted(new SequenceTerminatedFault(Id, FaultCodeKind.Sender, "wsrm:MessageNumber 0 is not valid: numbering starts at 1."));
        }
        if (number > MaxMessageNumber) return ReceiveDecision.Faulted(new MessageNumberRolloverFault(Id, MaxMessageNumber));
        if (_received.Contains(number)) return ReceiveDecision.Duplicate;

        if (LastMessageNumber is { } last && number > last) return ExceededLast();
        if (State == DestinationState.Closed) return ReceiveDecision.Faulted(new SequenceClosedFault(Id));
        if (lastMessage)
        {
            if (number < _received.Highest) return ExceededLast();
            LastMessageNumber = number;
            _lastNamedBySource = true;
        }

        if (_undelivered >= _limits.Window) return ReceiveDecision.Dropped;
        if (Ordered && number - _nextToDeliver >= (ulong)_limits.Window) return ReceiveDecision.Dropped;
        if (_received.Ranges.Count >= _limits.MaxRanges && _received.NeedsNewRange(number)) return ReceiveDecision.Dropped;

        _received.Add(number);
        _undelivered++;
        return ReceiveDecision.Accepted;
    }

    private ReceiveDecision ExceededLast()
    {
        if (Rm.Is11) return ReceiveDecision.Faulted(new SequenceClosedFault(Id));
        State = DestinationState.Terminated;
        return ReceiveDecision.Faulted(new LastMessageNumberExceededFault(Id));
    }

    /// <summary>True when accepted message <paramref name="number"/> may be delivered now.</summary>
    public bool IsDeliverable(ulong number) => !Ordered || number == _nextToDeliver;

    /// <summary>The next number ordered delivery waits for.</summary>
    public ulong NextToDeliver => _nextToDeliver;

    /// <summary>
    /// Records that accepted message <paramref name="number"/> left the receive buffer: handed to the service (or to
    /// the caller waiting for it), so it no longer takes buffer room. Returns the next number now deliverable
    /// (ordered), or null. As WCF's destination counts it, a message being processed is not in the buffer.
    /// </summary>
    public ulong? Delivered(ulong number)
    {
        if (_undelivered > 0) _undelivered--;
        if (!Ordered) return null;
        if (number != _nextToDeliver) throw new InvalidOperationException($"Message {number} delivered out of order; expected {_nextToDeliver}.");
        _nextToDeliver++;
        return _received.Contains(_nextToDeliver) ? _nextToDeliver : null;
    }

    /// <summary>Records activity that carries no message (AckRequested, acknowledgements).</summary>
    public void Touch(DateTimeOffset now) => LastActivity = now;

    /// <summary>The acknowledgement of everything received so far.</summary>
    public SequenceAcknowledgement Acknowledgement(bool flowControl) => new()
    {
        Identifier = Id,
        Ranges = _received.Snapshot(),
        Final = State != DestinationState.Active,
        BufferRemaining = flowControl ? BufferRemaining : null,
    };

    /// <summary>
    /// Checks a <c>wsrm:LastMsgNumber</c> the source sends with CloseSequence or TerminateSequence (WS-RM 1.1 §3.5,
    /// §3.6) against what this sequence knows, before <see cref="Close"/>. Returns a <see cref="SequenceTerminatedFault"/>
    /// (Sender) when it is below a number already received, or differs from a last number the source named before; null
    /// when it is consistent or absent. WCF's destination ends the session with the same fault in both cases.
    /// </summary>
    public SequenceTerminatedFault? CheckLastMessageNumber(ulong? lastMessageNumber)
    {
        if (lastMessageNumber is not { } last) return null;
        if (_lastNamedBySource && LastMessageNumber != last)
            return new SequenceTerminatedFault(Id, FaultCodeKind.Sender,
                $"The source named two different last message numbers ({LastMessageNumber} and {last}), so the sequence cannot be completed.");
        if (last < _received.Highest)
            return new SequenceTerminatedFault(Id, FaultCodeKind.Sender,
                $"wsrm:LastMsgNumber {last} is below message {_received.Highest}, which was already received.");
        return null;
    }

    /// <summary>
    /// CloseSequence (1.1 §3.5): accept no new messages; idempotent. Call <see cref="CheckLastMessageNumber"/> first:
    /// a last number given here replaces the highest-received stand-in of an earlier close without one.
    /// </summary>
    public StateTransition Close(ulong? lastMessageNumber, DateTimeOffset now)
    {
        var before = State;
        LastActivity = now;
        if (lastMessageNumber is { } last && State != DestinationState.Terminated && !_lastNamedBySource)
        {
            LastMessageNumber = last;
            _lastNamedBySource = true;
        }
        if (State == DestinationState.Active)
        {
            State = DestinationState.Closed;
            LastMessageNumber ??= _received.Highest;
        }
        return new StateTransition(before, State);
    }

    /// <summary>TerminateSequence, a sequence fault or expiry: the sequence is gone; idempotent.</summary>
    public StateTransition Terminate()
    {
        var before = State;
        State = DestinationState.Terminated;
        return new StateTransition(before, State);
    }

    /// <summary>True when nothing was heard for <paramref name="inactivityTimeout"/>.</summary>
    public bool IsInactive(DateTimeOffset now, TimeSpan inactivityTimeout) => now - LastActivity >= inactivityTimeout;
}
