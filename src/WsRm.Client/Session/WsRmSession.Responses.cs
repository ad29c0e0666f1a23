using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    // Every HTTP response of an application message or AckRequested: acknowledgements of our sequence first (they
    // release the window and complete one-way calls), then a reply on the offered sequence (matched by RelatesTo), or
    // a fault outside the reply sequence, which ends the session (as WCF's reliable channels do). Acknowledgements of
    // other sessions' sequences go to them through the router. True when the message carried an acknowledgement of
    // our sequence. answering and attempt: the application message this answers, when it is one (attempt > 0).
    private bool OnResponse(SoapMessage message, PendingCall? answering = null, int attempt = 0)
    {
        var fault = FaultReader.IsFault(message) ? FaultReader.Read(message) : null;
        Exception? sessionFault = null;
        List<PendingCall>? acknowledged = null;
        List<SequenceAcknowledgement>? foreign = null;
        IReadOnlyList<ReplyDelivery> answered = [];
        var ours = false;
        lock (_sync)
        {
            // UnknownSequence answering a transmission: the destination did not take it (SourceMessage.MayHaveArrived),
            // also when the session ended meanwhile (a transmission queue waits for the answers: Quiet).
            if (answering is not null && attempt > 0 && fault?.RmSubcode?.Name == "UnknownSequence" && (fault.Identifier is null || fault.Identifier == _source.Id))
                _source.OnTransmissionRejected(answering.Number, attempt);
            if (_state is SessionState.Faulted or SessionState.Closed) return false;
            var now = _time.GetUtcNow();
            foreach (var ack in message.Acknowledgements)
            {
                if (ack.Identifier != _source.Id)
                {
                    if (_router is not null) (foreign ??= []).Add(ack);
                    continue;
                }
                ours = true;
                if (ApplyAcknowledgement(ack, now, ref acknowledged) is { } error)
                {
                    sessionFault = error;
                    break;
                }
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

        if (foreign is not null)
            foreach (var ack in foreign) _router!.Route(ack);
        if (acknowledged is not null) CompleteAcknowledged(acknowledged);
        foreach (var delivery in answered)
        {
            if (delivery.Error is not null) delivery.Call?.Fail(delivery.Error);
            else delivery.Call?.Complete(delivery.Reply);
        }
        if (sessionFault is not null) FaultSession(sessionFault);
        return ours;
    }

    // An acknowledgement of our sequence that arrived on another session's response (AcknowledgementRouter).
    internal void OnRoutedAcknowledgement(SequenceAcknowledgement ack)
    {
        List<PendingCall>? acknowledged = null;
        Exception? sessionFault;
        lock (_sync)
        {
            if (_state is SessionState.Faulted or SessionState.Closed) return;
            sessionFault = ApplyAcknowledgement(ack, _time.GetUtcNow(), ref acknowledged);
            _progress.Signal();
        }
        if (acknowledged is not null) CompleteAcknowledged(acknowledged);
        if (sessionFault is not null) FaultSession(sessionFault);
        _scheduler.WakeIfEarlier();
    }

    // Under the lock: applies an acknowledgement of our sequence. Released one-way calls (and 1.0's LastMessage) are
    // removed and added to acknowledged, to complete outside the lock; a released request waits for its reply (sent
    // again if it does not come). Returns the error that ends the session, or null.
    private WsRmSessionFaultedException? ApplyAcknowledgement(SequenceAcknowledgement ack, DateTimeOffset now, ref List<PendingCall>? acknowledged)
    {
        var result = _source.OnAcknowledgement(ack, now);
        if (result.Outcome == AcknowledgementOutcome.Invalid)
            return new WsRmSessionFaultedException($"The service sent an invalid acknowledgement for sequence {_source.Id}: {result.Problem}");
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
        return result.Transition.After == SourceState.Faulted
            ? new WsRmSessionFaultedException(_source.Failure?.Message ?? $"Sequence {_source.Id} faulted.")
            : null;
    }
}
