using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Sources;

/// <summary>
/// The sending side of one sequence (RM Source; WS-RM 1.1 §2, §3.4–§3.9; 1.0 §3): numbering, the transfer window and
/// the destination's BufferRemaining, acknowledgements, retransmission timers, close and terminate. No I/O and no
/// clock: every call takes the time, and returns what to do. The states are in <see cref="SourceState"/>.
/// <para>Use: <see cref="OnCreated"/> with the CreateSequenceResponse; <see cref="TryAssign"/> then
/// <see cref="OnSent"/> for each message (and again for each retransmission); <see cref="OnAcknowledgement"/> for
/// every acknowledgement; <see cref="OnTransmissionAnswered"/> when a transmission's answer (HTTP 202 or a response)
/// has been processed, <see cref="OnTransmissionFailed"/> when it got no answer at all (it is then retried soon); wake
/// at <see cref="NextDueTime"/> and <see cref="NextAckRequestedTime(TimeSpan, bool)"/>, send
/// <see cref="DueRetransmissions"/> and the AckRequested asked for (<see cref="OnAckRequestedSent"/>,
/// <see cref="OnAckRequestedAnswered"/>). A destination that answers without acknowledging is asked with AckRequested
/// (see <see cref="AcknowledgementRequests"/>). To close: <see cref="BeginClose"/>, then do what
/// <see cref="NextCloseStep"/> says whenever it changes (see <see cref="SourceCloseStep"/>): 1.1 sends a CloseSequence
/// whose answer goes to <see cref="OnFinalAcknowledgement"/>, 1.0 a LastMessage (<see cref="AssignLastMessage"/>);
/// then TerminateSequence and <see cref="Terminate"/>. A 1.0 destination that answers AckRequested without
/// acknowledgements is sent TerminateSequence early, and its answer is the final word
/// (<see cref="OnTerminateSequenceAnswered"/>). A sequence stored by a durable transmission queue goes on after a
/// restart with <see cref="Resume"/> and <see cref="TryRestore"/>.</para>
/// Bounded by the transfer window. Not thread-safe: the owner serialises calls per sequence.
/// </summary>
internal sealed partial class SourceSequence
{
    private readonly SourceSequenceSettings _settings;
    private readonly RetransmissionQueue _queue;
    private readonly SequenceRanges _acknowledged = new();
    private readonly SourceKeepAlive _keepAlive;
    private readonly AcknowledgementRequests _requests = new();
    private int? _destinationRoom;
    private bool _lastMessageAssigned;
    private bool _closeSequenceSent;
    private bool _terminateSequenceSent;

    /// <summary>A sequence whose CreateSequence is about to be sent.</summary>
    public SourceSequence(RmVersion rm, SourceSequenceSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rm);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Rm = rm;
        _settings = settings;
        _queue = new RetransmissionQueue(settings);
        _keepAlive = new SourceKeepAlive(now);
        CreatedAt = now;
    }

    /// <summary>The identifier, once the CreateSequenceResponse arrived.</summary>
    public string? Id { get; private set; }

    /// <summary>The RM version.</summary>
    public RmVersion Rm { get; }

    /// <summary>The settings (validated).</summary>
    public SourceSequenceSettings Settings => _settings;

    /// <summary>Current state.</summary>
    public SourceState State { get; private set; }

    /// <summary>Why the sequence is Faulted, or null.</summary>
    public SourceFailure? Failure { get; private set; }

    /// <summary>When the sequence was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the granted lifetime (CreateSequenceResponse's Expires) ends, or null for none.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The highest number assigned (0 before the first).</summary>
    public ulong HighestAssigned { get; private set; }

    /// <summary>The last message number once <see cref="BeginClose"/> fixed it (1.0: then the LastMessage's).</summary>
    public ulong? LastMessageNumber { get; private set; }

    /// <summary>Messages assigned and not acknowledged.</summary>
    public int UnacknowledgedCount => _queue.Count;

    /// <summary>True when every assigned message is acknowledged.</summary>
    public bool IsFullyAcknowledged => _queue.Count == 0;

    /// <summary>The numbers acknowledged, ascending ranges.</summary>
    public IReadOnlyList<AckRange> Acknowledged => _acknowledged.Ranges;

    /// <summary>The destination's last advertised <c>netrm:BufferRemaining</c>, or null.</summary>
    public int? BufferRemaining { get; private set; }

    /// <summary>New messages the destination's buffer still takes (BufferRemaining less those in flight), or null for no limit.</summary>
    public int? DestinationRoom => _destinationRoom;

    /// <summary>The round-trip estimator (for metrics).</summary>
    public RttEstimator Rtt => _queue.Rtt;

    /// <summary>When something was last received from the destination.</summary>
    public DateTimeOffset LastReceivedAt => _keepAlive.LastReceivedAt;

    /// <summary>The unacknowledged message numbers, ascending.</summary>
    public IEnumerable<ulong> UnacknowledgedNumbers => _queue.Messages.Select(m => m.Number);

    /// <summary>When the caller should call <see cref="DueRetransmissions"/> next, or null when no timer runs.</summary>
    public DateTimeOffset? NextDueTime => IsSending && !_closeSequenceSent ? _queue.NextDueTime : null;

    // Nothing goes out on a sequence once TerminateSequence did: the destination forgets it.
    private bool IsSending => State is (SourceState.Active or SourceState.Closing) && !_terminateSequenceSent;

    /// <summary>
    /// The CreateSequenceResponse arrived (WS-RM 1.1 §3.4): Creating → Active. A later response (to a retransmitted
    /// CreateSequence) changes nothing. Zero or negative <paramref name="expires"/> means no expiry.
    /// </summary>
    public SourceStateTransition OnCreated(string id, TimeSpan? expires, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var before = State;
        if (State != SourceState.Creating) return new(before, State);
        Id = id;
        State = SourceState.Active;
        _keepAlive.Received(now);
        if (expires is { } e && e > TimeSpan.Zero) ExpiresAt = DateTimeOffset.MaxValue - now <= e ? DateTimeOffset.MaxValue : now + e;
        return new(before, State);
    }

    /// <summary>
    /// Numbers a new message (WS-RM 1.1 §3.7: from 1, by one): refused when not Active, past the maximum number, with a
    /// full transfer window, or when the destination advertised no room.
    /// </summary>
    public AssignResult TryAssign(object payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (State != SourceState.Active) return AssignResult.Refused(AssignOutcome.NotActive);
        if (HighestAssigned >= _settings.MaxMessageNumber) return AssignResult.Refused(AssignOutcome.MessageNumberRollover);
        if (_queue.Count >= _settings.TransferWindow) return AssignResult.Refused(AssignOutcome.WindowFull);
        if (_destinationRoom is <= 0) return AssignResult.Refused(AssignOutcome.DestinationBufferFull);
        return new AssignResult(AssignOutcome.Assigned, Number(payload, now));
    }

    /// <summary>
    /// Records that a transmission of <paramref name="number"/> starts now (first or retransmission) and arms its
    /// timer. A failed send counts as a lost transmission; report it with <see cref="OnTransmissionFailed"/> to retry
    /// sooner than the timer. False when the message is already acknowledged.
    /// </summary>
    public bool OnSent(ulong number, DateTimeOffset now) => IsSending && _queue.OnSent(number, now);

    /// <summary>Transmissions of <paramref name="number"/> so far (the ordinal of the latest), or 0 when it is not outstanding.</summary>
    public int TransmissionsOf(ulong number) => _queue.TransmissionsOf(number);

    /// <summary>
    /// Transmission <paramref name="attempt"/> of message <paramref name="number"/> (null: the latest) failed at the
    /// transport level: connection refused or reset, an HTTP error status, a response that is not SOAP, or no
    /// response within the attempt's timeout. The message becomes due after
    /// <see cref="SourceSequenceSettings.TransportRetryDelay"/>, doubled for each failure of that message and never
    /// later than its timer; the retry counts toward <see cref="SourceSequenceSettings.MaxRetryCount"/>, and
    /// <paramref name="error"/> goes into the failure when the retries run out (at once when the last transmission
    /// allowed is the one that failed). Returns when the message is due,
    /// or null when nothing changed (acknowledged, not sending, or an older transmission: a newer one is under way).
    /// </summary>
    public DateTimeOffset? OnTransmissionFailed(ulong number, DateTimeOffset now, string? error = null, int? attempt = null) =>
        IsSending ? _queue.OnTransmissionFailed(number, attempt, now, error) : null;

    /// <summary>
    /// The wait before trying again after <paramref name="failures"/> transport failures in a row of something
    /// retransmitted at backoff level <paramref name="backoffLevel"/> (a reply being recovered): the transport retry
    /// delay doubled per failure, never longer than that level's timeout.
    /// </summary>
    public TimeSpan RetryDelayAfterFailures(int failures, int backoffLevel) =>
        _settings.RetryDelayAfterFailures(failures, Rtt.TimeoutFor(backoffLevel));

    /// <summary>The payload of unacknowledged message <paramref name="number"/>, to retransmit it.</summary>
    public bool TryGetPayload(ulong number, out object payload)
    {
        var found = _queue.TryGet(number, out var message);
        payload = found ? message.Payload : null!;
        return found;
    }

    /// <summary>
    /// Applies a <c>wsrm:SequenceAcknowledgement</c> (WS-RM 1.1 §3.9): see <see cref="AcknowledgementCheck"/> for what is
    /// invalid or stale. A current one releases the acknowledged messages, takes an RTT sample, applies BufferRemaining
    /// and Nacks. A Final acknowledgement (1.1) ends sending: Closed when complete, else Faulted (DestinationClosed).
    /// In 1.0, the acknowledgement of everything up to the LastMessage moves Closing → Closed.
    /// </summary>
    public AcknowledgementResult OnAcknowledgement(SequenceAcknowledgement ack, DateTimeOffset now)
    {
        CheckIdentifier(ack);
        _keepAlive.Received(now);
        if (State is SourceState.Terminated or SourceState.Faulted) return AcknowledgementResult.Ignored(State);
        var before = State;
        var verdict = AcknowledgementCheck.Classify(ack, HighestAssigned, _acknowledged, out var ranges, out var problem, _resumedAfter, _restored);
        if (verdict == AcknowledgementVerdict.Invalid) return Invalid(ack, problem!, before, fault: false);
        if (verdict == AcknowledgementVerdict.Stale) return Result(AcknowledgementOutcome.Stale, before);

        var result = Apply(ack, ranges, now, before);
        if (ack.Final && Rm.Is11 && State is SourceState.Active or SourceState.Closing)
        {
            LastMessageNumber ??= HighestAssigned;
            if (_queue.Count == 0) State = SourceState.Closed;
            else Fault(SourceFailure.DestinationClosed(Id, _queue.Count));
        }
        else if (!Rm.Is11 && State == SourceState.Closing && _lastMessageAssigned && _queue.Count == 0) State = SourceState.Closed;
        return result with { Transition = new(before, State) };
    }

    /// <summary>
    /// Applies the acknowledgement that answers CloseSequence (WS-RM 1.1 §3.5): it must be exactly 1..
    /// <see cref="LastMessageNumber"/>. Then Closing → Closed; otherwise the result is Invalid and the sequence Faulted.
    /// Repeating it once Closed changes nothing.
    /// </summary>
    public AcknowledgementResult OnFinalAcknowledgement(SequenceAcknowledgement ack, DateTimeOffset now)
    {
        if (!Rm.Is11) throw new InvalidOperationException("WS-RM 1.0 has no CloseSequence; close with AssignLastMessage.");
        if (State is SourceState.Creating or SourceState.Active) throw new InvalidOperationException("Call BeginClose before closing the sequence.");
        CheckIdentifier(ack);
        _keepAlive.Received(now);
        if (State is SourceState.Terminated or SourceState.Faulted) return AcknowledgementResult.Ignored(State);
        var before = State;
        var last = LastMessageNumber!.Value;
        var verdict = AcknowledgementCheck.Classify(ack, HighestAssigned, _acknowledged, out var ranges, out var problem, _resumedAfter, _restored);
        if (verdict == AcknowledgementVerdict.Invalid) return Invalid(ack, problem!, before, fault: true);
        if (verdict == AcknowledgementVerdict.Stale || !AcknowledgementCheck.IsExactly(ranges, last))
            return Invalid(ack, $"the final acknowledgement must be exactly 1-{last}.", before, fault: true);
        var result = Apply(ack, ranges, now, before);
        State = SourceState.Closed;
        return result with { Transition = new(before, State) };
    }

    /// <summary>
    /// The messages to retransmit now, in number order, at most <see cref="SourceSequenceSettings.MaxRetransmissionBurst"/>
    /// (call again while <see cref="NextDueTime"/> is not later than now). When a message ran out of retries the
    /// sequence becomes Faulted and the batch carries the failure.
    /// </summary>
    public RetransmissionBatch DueRetransmissions(DateTimeOffset now)
    {
        if (!IsSending || _closeSequenceSent) return RetransmissionBatch.None;
        var batch = _queue.Due(now, Id, _requests.Stamp());
        if (batch.Failure is { } failure) Fault(failure);
        return batch;
    }

    /// <summary>Stops numbering (Active → Closing) and fixes <see cref="LastMessageNumber"/> at the highest assigned.</summary>
    public SourceStateTransition BeginClose()
    {
        var before = State;
        if (State != SourceState.Active) return new(before, State);
        State = SourceState.Closing;
        LastMessageNumber = HighestAssigned;
        return new(before, State);
    }

    /// <summary>
    /// WS-RM 1.1 §3.5: CloseSequence goes out (Closing), so nothing may be sent on the sequence after it: retransmission
    /// stops, even of messages still unacknowledged (the final acknowledgement will say whether they arrived).
    /// </summary>
    public void OnCloseSequenceSent()
    {
        if (!Rm.Is11) throw new InvalidOperationException("WS-RM 1.0 has no CloseSequence; close with AssignLastMessage.");
        if (State is SourceState.Creating or SourceState.Active) throw new InvalidOperationException("Call BeginClose before closing the sequence.");
        _closeSequenceSent = true;
    }

    /// <summary>
    /// WS-RM 1.0 §3.5: numbers the empty-bodied LastMessage once Closing; calling again returns the same number. It may
    /// exceed the transfer window and BufferRemaining by this one message.
    /// </summary>
    public AssignResult AssignLastMessage(object payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (Rm.Is11) throw new InvalidOperationException("WS-RM 1.1 has no LastMessage; close with CloseSequence.");
        if (_lastMessageAssigned) return new AssignResult(AssignOutcome.Assigned, LastMessageNumber!.Value);
        if (State != SourceState.Closing) return AssignResult.Refused(AssignOutcome.NotActive);
        if (HighestAssigned >= _settings.MaxMessageNumber) return AssignResult.Refused(AssignOutcome.MessageNumberRollover);
        _lastMessageAssigned = true;
        LastMessageNumber = Number(payload, now);
        return new AssignResult(AssignOutcome.Assigned, LastMessageNumber.Value);
    }

    /// <summary>TerminateSequence sent or the sequence abandoned: any state but Faulted → Terminated; idempotent.</summary>
    public SourceStateTransition Terminate()
    {
        var before = State;
        if (State != SourceState.Faulted) State = SourceState.Terminated;
        return new(before, State);
    }

    /// <summary>Faults the sequence (the first failure is kept); no effect once Terminated or Faulted.</summary>
    public SourceStateTransition Fault(SourceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var before = State;
        if (State is SourceState.Terminated or SourceState.Faulted) return new(before, State);
        State = SourceState.Faulted;
        Failure = failure;
        return new(before, State);
    }

    /// <summary>
    /// Once Terminated or Faulted: removes and returns the unacknowledged messages, to fail their waiters, each with
    /// whether the destination may have received it (<see cref="SourceMessage.MayHaveArrived"/>).
    /// </summary>
    public IReadOnlyList<SourceMessage> TakeUnacknowledged() => State is SourceState.Terminated or SourceState.Faulted
        ? _queue.TakeAll()
        : throw new InvalidOperationException("Unacknowledged messages can only be taken from a terminated or faulted sequence.");

    private ulong Number(object payload, DateTimeOffset now)
    {
        var number = ++HighestAssigned;
        _queue.Add(new OutstandingMessage(number, payload, now));
        if (_destinationRoom is { } room) _destinationRoom = room - 1;
        return number;
    }

    private AcknowledgementResult Apply(SequenceAcknowledgement ack, IReadOnlyList<AckRange> ranges, DateTimeOffset now, SourceState before)
    {
        var released = new List<SourceMessage>();
        var sample = _queue.Release(ranges, now, released);
        foreach (var message in released) _acknowledged.Add(message.Number);
        var nacked = 0;
        foreach (var nack in ack.Nacks)
            if (_queue.Nack(nack, now)) nacked++;
        BufferRemaining = ack.BufferRemaining;
        _destinationRoom = ack.BufferRemaining is { } remaining ? remaining - _queue.Count : null;
        return Result(AcknowledgementOutcome.Applied, before) with
        {
            NewlyAcknowledged = released, RttSample = sample, RetransmissionsRequested = nacked,
        };
    }

    private AcknowledgementResult Invalid(SequenceAcknowledgement ack, string problem, SourceState before, bool fault)
    {
        var invalid = new InvalidAcknowledgementFault(ack);
        if (fault) Fault(SourceFailure.InvalidAcknowledgement(invalid, problem));
        return Result(AcknowledgementOutcome.Invalid, before) with { Fault = invalid, Problem = problem };
    }

    private AcknowledgementResult Result(AcknowledgementOutcome outcome, SourceState before) =>
        new() { Outcome = outcome, FullyAcknowledged = _queue.Count == 0, Transition = new(before, State) };

    private void CheckIdentifier(SequenceAcknowledgement ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (Id is null) throw new InvalidOperationException("The sequence has no identifier yet; nothing can be acknowledged.");
        if (ack.Identifier != Id) throw new ArgumentException($"The acknowledgement is for sequence {ack.Identifier}, not {Id}.", nameof(ack));
    }
}
