using WsRm.Protocol;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

// The messages that end a session's sequence: CloseSequence (1.1), the LastMessage (1.0), TerminateSequence.
public sealed partial class WsRmSession
{
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
    // Returns once it was answered; the next close step waits for its acknowledgement (or the final one).
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
    }

    // WS-RM 1.1 §3.6 / 1.0 §3.6, once the destination acknowledged the whole sequence. A retransmitted
    // TerminateSequence whose first answer was lost meets UnknownSequence: the sequence is gone either way.
    private async Task TerminateSequenceAsync(CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(TerminateSequenceRequest(), _messages.Rm.TerminateSequenceAction, cancellationToken).ConfigureAwait(false);
        if (response is null || !FaultReader.IsFault(response))
        {
            OnTerminateSequenceAnswer(response);
            return;
        }
        var fault = FaultReader.Read(response);
        if (fault.RmSubcode?.Name == "UnknownSequence") return;
        throw fault.ToException();
    }

    // WS-RM 1.0, SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement: the destination acknowledges nothing
    // when asked (gSOAP), and 1.0 has no CloseSequence, so the acknowledgement on TerminateSequence's answer is its
    // last word (SourceSequence.OnTerminateSequenceAnswered): it must cover every message, else the close fails
    // naming those left out. A fault, or an answer without it (HTTP 202: gSOAP's answer to a TerminateSequence it
    // already took, when the first answer was lost), cannot tell what arrived: the close fails the same way, never
    // assuming. A fault that carries an acknowledgement is not taken either: gSOAP faults SequenceTerminated when it
    // discards an incomplete sequence (DiscardEntireSequence), and what it discarded was not delivered.
    private async Task TerminateForFinalAcknowledgementAsync(CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(TerminateSequenceRequest(), _messages.Rm.TerminateSequenceAction, cancellationToken).ConfigureAwait(false);
        var fault = response is not null && FaultReader.IsFault(response) ? FaultReader.Read(response) : null;
        var ack = fault is null ? response?.Acknowledgements.FirstOrDefault(a => a.Identifier == _source.Id) : null;
        var answer = ack is not null ? null
            : response is null ? "no SOAP message (HTTP 202, 204 or an empty 200)"
            : fault is not null ? $"the fault {(fault.RmSubcode ?? fault.Code).Name}: {fault.Reason}"
            : $"'{response.Action}' without an acknowledgement of the sequence";
        if (fault is null) OnTerminateSequenceAnswer(response);
        List<PendingCall> released = [];
        string? failure;
        lock (_sync)
        {
            if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} faulted: {_failure?.Message}", _failure);
            var result = _source.OnTerminateSequenceAnswered(ack, _time.GetUtcNow(), answer);
            foreach (var message in result.NewlyAcknowledged)
            {
                var call = (PendingCall)message.Payload;
                _calls.Remove(call.MessageId);
                released.Add(call);
            }
            failure = _source.State == SourceState.Closed ? null : _source.Failure?.Message ?? $"Sequence {_source.Id} could not be closed.";
        }
        foreach (var call in released) call.Complete(null);
        if (failure is not null) throw new WsRmSessionFaultedException(failure);
    }

    private byte[] TerminateSequenceRequest()
    {
        lock (_sync)
            return _messages.Control(SequenceControlKind.TerminateSequence, _messages.Rm.TerminateSequenceAction, _source.Id!,
                _messages.Rm.Is11 ? _source.LastMessageNumber : null, ReplyAcknowledgement());
    }

    // The body of a TerminateSequence answer that is not a fault. 1.1 answers TerminateSequenceResponse naming our
    // sequence. 1.0 defines no answer: WCF, WsRm's server and gSOAP's 1.0 server send their own TerminateSequence for
    // the offered reply sequence (its end: no reply can follow, and none is awaited, every call being done); another
    // stack may echo ours. Neither is required and nothing else is read from it: gSOAP's 1.0 client, which insists on
    // its own identifier, cannot close with WCF-style destinations, this one can. An identifier that is neither is
    // logged and ignored.
    private void OnTerminateSequenceAnswer(SoapMessage? response)
    {
        if (response?.Action is not { } action || (action != _messages.Rm.TerminateSequenceAction && action != _messages.Rm.TerminateSequenceResponseAction)) return;
        var kind = action == _messages.Rm.TerminateSequenceAction ? SequenceControlKind.TerminateSequence : SequenceControlKind.TerminateSequenceResponse;
        string identifier;
        try
        {
            using var body = response.CreateBodyReader();
            identifier = RmBodyReader.ReadSequenceControl(body, _messages.Rm, kind).Identifier;
        }
        catch (Exception e) when (e is SoapParseException or System.Xml.XmlException)
        {
            WsRmClientLog.TerminateAnswerIgnored(_logger, _source.Id, action, e.Message);
            return;
        }
        if (identifier == _replies.Id)
        {
            lock (_sync) _replies.Terminate();
        }
        else if (identifier != _source.Id)
        {
            WsRmClientLog.TerminateAnswerIgnored(_logger, _source.Id, action, $"it names sequence {identifier}, neither ours nor the reply sequence");
        }
    }
}
