using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    // Every HTTP response of an application message or AckRequested: acknowledgements of our sequence first (they
    // release the window and complete one-way calls), then a reply on the offered sequence (matched by RelatesTo), or
    // a fault outside the reply sequence, which ends the session (as WCF's reliable channels do). True when the
    // message carried an acknowledgement of our sequence.
    private bool OnResponse(SoapMessage message)
    {
        var fault = FaultReader.IsFault(message) ? FaultReader.Read(message) : null;
        Exception? sessionFault = null;
        List<PendingCall>? acknowledged = null;
        IReadOnlyList<ReplyDelivery> answered = [];
        var ours = false;
        lock (_sync)
        {
            if (_state is SessionState.Faulted or SessionState.Closed) return false;
            var now = _time.GetUtcNow();
            foreach (var ack in message.Acknowledgements)
            {
                if (ack.Identifier != _source.Id) continue;
                ours = true;
                var result = _source.OnAcknowledgement(ack, now);
                if (result.Outcome == AcknowledgementOutcome.Invalid)
                {
                    sessionFault = new WsRmSessionFaultedException($"The service sent an invalid acknowledgement for sequence {_source.Id}.");
                    break;
                }
                foreach (var released in result.NewlyAcknowledged)
                {
                    var call = (PendingCall)released.Payload;
                    if (call.CompletesOnAnswer)
                    {
                        _calls.Remove(call.MessageId);
                        (acknowledged ??= []).Add(call);
                    }
                    else if (!call.IsDone && _calls.ContainsKey(call.MessageId))
                    {
                        call.ReplyDueAt = now + _source.Rtt.CurrentTimeout;
                    }
                }
                if (result.Transition.After == SourceState.Faulted)
                    sessionFault ??= new WsRmSessionFaultedException(_source.Failure?.Message ?? $"Sequence {_source.Id} faulted.");
            }

            if (message.Sequence is { } sequence && sequence.Identifier == _replies.Id)
            {
                _source.Touch(now);
                var decision = _replies.Receive(sequence.MessageNumber, sequence.LastMessage, now);
                if (decision.Outcome == ReceiveOutcome.Accepted)
                {
                    // A reply whose caller is gone still takes its turn, so later replies are not held forever.
                    PendingCall? call = null;
                    if (message.Addressing.RelatesTo is { } relatesTo && _calls.Remove(relatesTo, out call)) call.ReplyDueAt = null;
                    var delivery = new ReplyDelivery(call, fault is null ? new WsRmReply(message) : null, fault?.ToException());
                    answered = _replyOrder.Accept(sequence.MessageNumber, delivery);
                }
                else if (decision.Outcome == ReceiveOutcome.Duplicate)
                {
                    WsRmClientLog.DuplicateReply(_logger, sequence.MessageNumber);
                }
                else if (decision.Outcome == ReceiveOutcome.Faulted)
                {
                    sessionFault ??= new WsRmSessionFaultedException($"The reply sequence {_replies.Id} failed: {decision.Fault}");
                }
            }
            else if (fault is not null)
            {
                sessionFault ??= fault.ToException();
            }
            _progress.Signal();
        }

        if (acknowledged is not null)
            foreach (var call in acknowledged) call.Complete(null);
        foreach (var delivery in answered)
        {
            if (delivery.Error is not null) delivery.Call?.Fail(delivery.Error);
            else delivery.Call?.Complete(delivery.Reply);
        }
        if (sessionFault is not null) FaultSession(sessionFault);
        return ours;
    }
}
