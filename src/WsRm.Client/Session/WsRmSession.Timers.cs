using WsRm.Protocol.Sources;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    /// <summary>When the timer loop must wake next, as of now (for tests driving a FakeTimeProvider).</summary>
    internal DateTimeOffset? NextDueTime => NextDue();

    // When the timer loop must wake: a retransmission timer, a lost reply to recover, an AckRequested, inactivity.
    private DateTimeOffset? NextDue()
    {
        lock (_sync)
        {
            if (_state is SessionState.Faulted or SessionState.Closed) return null;
            var next = Earliest(_source.NextDueTime, _source.NextAckRequestedTime(_options.InactivityTimeout, AcknowledgementsAwaited));
            foreach (var call in _calls.Values)
                if (call.ReplyDueAt is { } at && call.InFlight == 0) next = Earliest(next, at);
            return next;
        }
    }

    private void OnDue(DateTimeOffset now)
    {
        try
        {
            HandleDue(now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            FaultSession(new WsRmSessionFaultedException($"The timer of sequence {_source.Id} failed: {e.Message}", e));
        }
    }

    // Under the lock: a caller waits for window room, or the session closes; a destination that answered without
    // acknowledging is then asked at once (SourceSequence.NextAckRequestedTime).
    private bool AcknowledgementsAwaited => _waiting.First is not null || _state == SessionState.Closing;

    private void HandleDue(DateTimeOffset now)
    {
        List<(byte[] Envelope, string Action, PendingCall? Call, int Attempt)> sends = [];
        byte[]? ackRequested = null;
        long ackRequest = 0;
        IReadOnlyList<ulong> parked = [];
        Exception? fault = null;
        lock (_sync)
        {
            if (_state is SessionState.Faulted or SessionState.Closed) return;
            var batch = _source.DueRetransmissions(now);
            if (batch.Failure is { } failure)
            {
                fault = new WsRmSessionFaultedException(failure.Message, LastTransportErrorFor(failure.LastTransportError))
                {
                    MessageNumber = failure.MessageNumber, Attempts = failure.Attempts,
                };
            }
            parked = batch.Parked;
            foreach (var number in batch.Numbers)
            {
                if (!_source.TryGetPayload(number, out var payload)) continue;
                var call = (PendingCall)payload;
                WsRmClientLog.Retransmitting(_logger, _source.Id, number);
                WsRmClientMetrics.MessageRetransmitted();
                var envelope = BuildForSend(call);
                _source.OnSent(number, now);
                sends.Add((envelope, call.Action, call, _source.TransmissionsOf(number)));
            }
            fault ??= RecoverReplies(now, sends);
            if (fault is null && _source.IsInactive(now, _options.InactivityTimeout))
            {
                fault = new WsRmSessionFaultedException(SourceFailure.Inactive(_source.Id, _options.InactivityTimeout).Message);
            }
            else if (fault is null && (batch.AckRequested || _source.NeedsAckRequested(now, _options.InactivityTimeout, AcknowledgementsAwaited)))
            {
                // One standalone AckRequested for every reason at once: probes of answered messages, a waiter, keep-alive.
                ackRequested = _messages.AckRequested(_source.Id!, ReplyAcknowledgement());
                ackRequest = _source.OnAckRequestedSent(now);
                _requestsInFlight++;
            }
        }
        if (fault is not null)
        {
            lock (_sync) _requestsInFlight -= sends.Count; // decided, never started
            FaultSession(fault);
            return;
        }
        foreach (var number in parked) WsRmClientLog.RetransmissionsSpent(_logger, _source.Id, number, _options.MaxRetryCount + 1);
        foreach (var (envelope, action, call, attempt) in sends) StartSend(envelope, action, call, attempt);
        if (ackRequested is not null)
        {
            WsRmClientLog.AckRequested(_logger, _source.Id);
            WsRmClientMetrics.AckRequestedSent();
            StartSend(ackRequested, _messages.Rm.AckRequestedAction, null, 0, ackRequest);
        }
    }

    // Under the lock: requests acknowledged whose reply never came (the response carrying it was lost) are sent
    // again with the same number and MessageID; the service answers from its reply cache.
    private WsRmSessionFaultedException? RecoverReplies(DateTimeOffset now, List<(byte[], string, PendingCall?, int)> sends)
    {
        foreach (var call in _calls.Values)
        {
            if (call.ReplyDueAt is not { } at || at > now || call.InFlight > 0) continue;
            if (call.ReplyResends >= _options.MaxRetryCount)
            {
                var last = call.ReplyFailures > 0 ? _lastTransportError : null;
                return new WsRmSessionFaultedException(
                    $"The reply to message {call.Number} of sequence {_source.Id} was not received after {call.ReplyResends + 1} transmissions."
                    + (last is null ? "" : $" The last transport error: {TransportErrors.Describe(last)}"), last)
                { MessageNumber = call.Number, Attempts = call.ReplyResends + 1 };
            }
            call.ReplyResends++;
            var backoff = _source.Rtt.TimeoutFor(call.ReplyResends);
            call.ReplyDueAt = now + backoff;
            WsRmClientLog.RecoveringReply(_logger, _source.Id, call.Number);
            sends.Add((BuildForSend(call), call.Action, call, 0));
        }
        return null;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
