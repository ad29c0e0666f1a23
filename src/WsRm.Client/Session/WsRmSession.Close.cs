using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    /// <summary>
    /// Closes gracefully: waits until every message is acknowledged (and every reply received), asking a service that
    /// answered without acknowledging with AckRequested at once, then WS-RM 1.1 sends CloseSequence and checks the final
    /// acknowledgement is exactly 1..last (§3.5), WS-RM 1.0 sends the LastMessage (§3.5 of 1.0) and waits for its
    /// acknowledgement; then TerminateSequence (§3.6). A 1.1 service that answers AckRequested without any
    /// acknowledgement (gSOAP acknowledges one-way messages only on later responses) is sent CloseSequence once every
    /// unacknowledged message was accepted: its final acknowledgement must then cover them. Bounded by
    /// <see cref="WsRmClientOptions.OperationTimeout"/> (<see cref="TimeoutException"/> naming the unacknowledged
    /// messages). Any failure faults the session and is thrown: a message never acknowledged is never silently dropped.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the session is then faulted.</param>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            if (_state == SessionState.Closed) return;
            if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} is faulted: {_failure?.Message}", _failure);
            if (_state == SessionState.Closing) throw new InvalidOperationException($"The session of sequence {_source.Id} is already closing.");
            _state = SessionState.Closing;
            _source.BeginClose();
            _progress.Signal();
        }
        _scheduler.WakeIfEarlier(); // closing awaits acknowledgements: one may be asked for at once
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            int unacknowledged;
            while (true)
            {
                await WaitUntilAsync(ReadyToClose, linked.Token).ConfigureAwait(false);
                lock (_sync)
                {
                    // Checked again with the CloseSequence decision under one lock: no retransmission may follow it.
                    if (!ReadyToClose()) continue;
                    if (_messages.Rm.Is11) _source.OnCloseSequenceSent();
                    unacknowledged = _source.UnacknowledgedCount;
                    break;
                }
            }
            if (unacknowledged > 0) WsRmClientLog.ClosingForFinalAcknowledgement(_logger, _source.Id, unacknowledged);
            if (_messages.Rm.Is11) await CloseSequenceAsync(linked.Token).ConfigureAwait(false);
            else await SendLastMessageAsync(linked.Token).ConfigureAwait(false);
            await TerminateSequenceAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var error = e is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? new TimeoutException($"Closing sequence {_source.Id} did not complete within {_options.OperationTimeout}.{Unacknowledged()}", e)
                : e;
            FaultSession(error);
            if (error == e) throw;
            throw error;
        }
        ulong messages;
        lock (_sync)
        {
            _state = SessionState.Closed;
            _source.Terminate();
            _replies.Terminate();
            messages = _source.HighestAssigned;
            _progress.Signal();
        }
        _stop.Cancel();
        _router?.Unregister(this);
        WsRmClientLog.SessionClosed(_logger, _source.Id, messages);
        WsRmClientMetrics.SessionEnded(faulted: false);
    }

    // Under the lock: every message acknowledged and every reply in; or (1.1) only CloseSequence's final
    // acknowledgement can still bring the missing acknowledgements, and no request waits for its reply.
    private bool ReadyToClose()
    {
        if (_source.IsFullyAcknowledged) return _calls.Count == 0;
        if (!_source.AwaitsFinalAcknowledgement) return false;
        foreach (var call in _calls.Values)
            if (!call.CompletesOnAnswer) return false;
        return true;
    }

    // " Message(s) 3, 4 were not acknowledged." or "", for the close timeout's message.
    private string Unacknowledged()
    {
        List<ulong> numbers;
        lock (_sync) numbers = [.. _source.UnacknowledgedNumbers.Take(11)];
        if (numbers.Count == 0) return "";
        var list = string.Join(", ", numbers.Take(10)) + (numbers.Count > 10 ? ", …" : "");
        return $" Message(s) {list} were not acknowledged.";
    }

    // A control message until answered (ControlExchange), counted among the session's requests in flight.
    private async Task<SoapMessage?> ExchangeAsync(byte[] request, string action, CancellationToken cancellationToken)
    {
        lock (_sync) _requestsInFlight++;
        try
        {
            return await ControlExchange.RunAsync(_transport, () => request, action, _options, _time, _logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync) _requestsInFlight--;
            RequestEnded?.Invoke();
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} faulted: {_failure?.Message}", _failure);
                if (condition()) return;
                changed = _progress.WaitAsync();
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // WS-RM 1.1 §3.5: CloseSequence with LastMsgNumber; the answer's acknowledgement must be exactly 1..last.
    private async Task CloseSequenceAsync(CancellationToken cancellationToken)
    {
        byte[] request;
        lock (_sync)
            request = _messages.Control(SequenceControlKind.CloseSequence, _messages.Rm.CloseSequenceAction, _source.Id!,
                _source.LastMessageNumber, ReplyAcknowledgement());
        var response = await ExchangeAsync(request, _messages.Rm.CloseSequenceAction, cancellationToken).ConfigureAwait(false)
            ?? throw new WsRmSessionFaultedException($"CloseSequence for {_source.Id} was answered with an empty HTTP response.");
        if (FaultReader.IsFault(response)) throw FaultReader.Read(response).ToException();
        var ack = response.Acknowledgements.FirstOrDefault(a => a.Identifier == _source.Id)
            ?? throw new WsRmSessionFaultedException($"The CloseSequenceResponse for {_source.Id} carried no acknowledgement.");
        List<PendingCall> released = [];
        lock (_sync)
        {
            var missing = _source.UnacknowledgedNumbers.Where(n => !ack.Ranges.Any(r => r.Contains(n))).ToList();
            var result = _source.OnFinalAcknowledgement(ack, _time.GetUtcNow());
            if (result.Outcome == AcknowledgementOutcome.Invalid)
            {
                var failure = _source.Failure?.Message ?? $"The final acknowledgement of {_source.Id} is invalid.";
                throw new WsRmSessionFaultedException(missing.Count == 0 ? failure
                    : $"The service closed sequence {_source.Id} without acknowledging message(s) {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}: they may not have been delivered. {failure}");
            }
            // Messages the final acknowledgement covers (a service that acknowledges only at close) leave the window.
            foreach (var message in result.NewlyAcknowledged)
            {
                var call = (PendingCall)message.Payload;
                _calls.Remove(call.MessageId);
                released.Add(call);
            }
        }
        foreach (var call in released) call.Complete(null);
    }

    // WS-RM 1.0 §3.5: the empty-bodied LastMessage, retransmitted like any message; its reply ends the reply sequence.
    private async Task SendLastMessageAsync(CancellationToken cancellationToken)
    {
        var call = new PendingCall(_messages.Rm.LastMessageAction, null, oneWay: false, MessageFactory.NewMessageId()) { LastMessage = true };
        byte[] envelope;
        int attempt;
        lock (_sync)
        {
            var now = _time.GetUtcNow();
            var result = _source.AssignLastMessage(call, now);
            if (!result.IsAssigned) throw new WsRmSessionFaultedException($"The LastMessage of {_source.Id} could not be numbered: {result.Outcome}.");
            call.Number = result.Number;
            _calls[call.MessageId] = call;
            envelope = BuildForSend(call);
            _source.OnSent(result.Number, now);
            attempt = _source.TransmissionsOf(result.Number);
        }
        _scheduler.Wake();
        StartSend(envelope, call.Action, call, attempt);
        await call.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await WaitUntilAsync(() => _source.IsFullyAcknowledged, cancellationToken).ConfigureAwait(false);
    }

    // WS-RM 1.1 §3.6 / 1.0 §3.6. A retransmitted TerminateSequence whose first answer was lost meets UnknownSequence:
    // the sequence is gone either way.
    private async Task TerminateSequenceAsync(CancellationToken cancellationToken)
    {
        byte[] request;
        lock (_sync)
            request = _messages.Control(SequenceControlKind.TerminateSequence, _messages.Rm.TerminateSequenceAction, _source.Id!,
                _messages.Rm.Is11 ? _source.LastMessageNumber : null, ReplyAcknowledgement());
        var response = await ExchangeAsync(request, _messages.Rm.TerminateSequenceAction, cancellationToken).ConfigureAwait(false);
        if (response is null || !FaultReader.IsFault(response)) return;
        var fault = FaultReader.Read(response);
        if (fault.RmSubcode?.Name == "UnknownSequence") return;
        throw fault.ToException();
    }
}
