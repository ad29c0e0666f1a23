using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Infrastructure;

internal sealed partial class LateAckDestination
{
    private static readonly AddressingVersion Wsa = AddressingVersion.WsAddressing10;

    // Under the lock: the status and envelope (null: none) answering one request.
    private (int Status, OutgoingMessage? Answer) Answer(SoapMessage message, RmVersion rm)
    {
        var action = message.Action;
        if (action == rm.CreateSequenceAction) return CreateSequence(message, rm);
        if (action == rm.CloseSequenceAction) return Control(rm, SequenceControlKind.CloseSequenceResponse, rm.CloseSequenceResponseAction, message);
        if (action == rm.TerminateSequenceAction)
            return rm.Is11 ? Control(rm, SequenceControlKind.TerminateSequenceResponse, rm.TerminateSequenceResponseAction, message) : (202, null);
        if (action == rm.AckRequestedAction)
            return AcknowledgementOnly(message, rm, Mode == LateAckMode.OnLaterResponse ? null : Mode == LateAckMode.WhenReleased ? _released : _received);
        if (message.Sequence is not { } sequence || sequence.Identifier != _sequenceId) return (202, null);

        var number = sequence.MessageNumber;
        _transmissions[number] = _transmissions.GetValueOrDefault(number) + 1;
        var asked = message.AckRequests.Any(a => a.Identifier == _sequenceId);
        if (asked) _ackRequestedHeaders++;
        if (action != EchoContract.Echo && _faultNext is { } fault)
        {
            _faultNext = null;
            return (fault.Status, new OutgoingMessage(message.Version, Wsa) { Fault = fault.Fault, RelatesTo = message.Addressing.MessageId });
        }
        if (_dropped.Contains(number)) return (202, null);
        var text = ReadText(message);
        if (_received.Add(number) && action == EchoContract.Post && text is not null) _posts.Add(text);
        if (action == EchoContract.Echo) return Reply(message, rm, number, text ?? "");
        return Mode switch
        {
            LateAckMode.OnAckRequested when asked => AcknowledgementOnly(message, rm, _received),
            LateAckMode.WhenReleased when asked => AcknowledgementOnly(message, rm, _released),
            _ => (202, null),
        };
    }

    private (int, OutgoingMessage?) CreateSequence(SoapMessage message, RmVersion rm)
    {
        CreateSequence request;
        using (var body = message.CreateBodyReader()) request = RmBodyReader.ReadCreateSequence(body, rm, Wsa);
        _sequenceId = "urn:uuid:" + Guid.NewGuid().ToString("D");
        _offerId = request.Offer?.Identifier;
        _replyNumber = 0;
        var id = _sequenceId;
        var accept = _offerId is null ? null : new EndpointReference(Address.ToString());
        return (200, new OutgoingMessage(message.Version, Wsa)
        {
            Action = rm.CreateSequenceResponseAction,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteCreateSequenceResponse(w, rm, Wsa, new CreateSequenceResponse(id, null, null, accept)),
        });
    }

    // CloseSequenceResponse (1.1) and TerminateSequenceResponse (1.1) carry the final acknowledgement of what arrived.
    private (int, OutgoingMessage?) Control(RmVersion rm, SequenceControlKind kind, string action, SoapMessage message)
    {
        var id = _sequenceId!;
        var answer = new OutgoingMessage(message.Version, Wsa)
        {
            Action = action,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(kind, id, null)),
        };
        answer.Acknowledgements.Add(Acknowledgement(id, _received, final: true) ?? new SequenceAcknowledgement { Identifier = id, None = true, Final = true });
        return (200, answer);
    }

    // A SequenceAcknowledgement alone; with nothing to acknowledge, 1.1's None or (1.0, or no numbers given) HTTP 202.
    private (int, OutgoingMessage?) AcknowledgementOnly(SoapMessage message, RmVersion rm, SortedSet<ulong>? numbers)
    {
        if (numbers is null || _sequenceId is null) return (202, null);
        var ack = Acknowledgement(_sequenceId, numbers) ?? (rm.Is11 ? new SequenceAcknowledgement { Identifier = _sequenceId, None = true } : null);
        if (ack is null) return (202, null);
        var answer = new OutgoingMessage(message.Version, Wsa) { Action = rm.SequenceAcknowledgementAction, Rm = rm };
        answer.Acknowledgements.Add(ack);
        return (AcknowledgementStatus, answer);
    }

    // Echo's reply on the offered sequence (the same number for a retransmitted request), with every message received
    // acknowledged: the later response gSOAP piggybacks its acknowledgements on.
    private (int, OutgoingMessage?) Reply(SoapMessage message, RmVersion rm, ulong number, string text)
    {
        if (!_replies.TryGetValue(number, out var reply)) _replies[number] = reply = (++_replyNumber, text);
        var answer = new OutgoingMessage(message.Version, Wsa)
        {
            Action = EchoContract.EchoResponse,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            Sequence = new SequenceHeader(_offerId!, reply.Number, false),
            WriteBody = w =>
            {
                w.WriteStartElement("EchoResponse", EchoContract.Ns);
                w.WriteElementString("EchoResult", EchoContract.Ns, reply.Text);
                w.WriteEndElement();
            },
        };
        if (Mode != LateAckMode.WhenReleased || _released.Count > 0)
            answer.Acknowledgements.Add(Acknowledgement(_sequenceId!, Mode == LateAckMode.WhenReleased ? _released : _received)!);
        return (200, answer);
    }
}
