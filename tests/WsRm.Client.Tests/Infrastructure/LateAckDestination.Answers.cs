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
        if (action == rm.CloseSequenceAction)
            return Control(message, rm, SequenceControlKind.CloseSequence, SequenceControlKind.CloseSequenceResponse, rm.CloseSequenceResponseAction);
        if (action == rm.TerminateSequenceAction)
        {
            return rm.Is11
                ? Control(message, rm, SequenceControlKind.TerminateSequence, SequenceControlKind.TerminateSequenceResponse, rm.TerminateSequenceResponseAction)
                : Terminate10(message, rm);
        }
        if (action == rm.AckRequestedAction)
        {
            var asked = message.AckRequests.Count > 0 ? _sequences.GetValueOrDefault(message.AckRequests[0].Identifier) : null;
            return asked is null || Mode == LateAckMode.OnLaterResponse ? (202, null) : AcknowledgementOnly(message, rm, asked);
        }
        if (message.Sequence is not { } header || !_sequences.TryGetValue(header.Identifier, out var sequence)) return (202, null);

        var number = header.MessageNumber;
        sequence.Transmissions[number] = sequence.Transmissions.GetValueOrDefault(number) + 1;
        var askedHere = message.AckRequests.Any(a => a.Identifier == sequence.Id);
        if (askedHere) _ackRequestedHeaders++;
        if (action != EchoContract.Echo && _faultNext is { } fault)
        {
            _faultNext = null;
            return (fault.Status, new OutgoingMessage(message.Version, Wsa) { Fault = fault.Fault, RelatesTo = message.Addressing.MessageId });
        }
        if (_dropped.Contains(number)) return (202, null);
        var text = ReadText(message);
        if (sequence.Received.Add(number) && action == EchoContract.Post && text is not null) _posts.Add(text);
        if (action == EchoContract.Echo) return Reply(message, rm, sequence, number, text ?? "");
        return askedHere && Mode != LateAckMode.OnLaterResponse ? AcknowledgementOnly(message, rm, sequence) : (202, null);
    }

    private (int, OutgoingMessage?) CreateSequence(SoapMessage message, RmVersion rm)
    {
        CreateSequence request;
        using (var body = message.CreateBodyReader()) request = RmBodyReader.ReadCreateSequence(body, rm, Wsa);
        var sequence = new LateAckSequence("urn:uuid:" + Guid.NewGuid().ToString("D"), request.Offer?.Identifier);
        _sequences[sequence.Id] = sequence;
        _last = sequence;
        var accept = sequence.OfferId is null ? null : new EndpointReference(Address.ToString());
        return (200, new OutgoingMessage(message.Version, Wsa)
        {
            Action = rm.CreateSequenceResponseAction,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteCreateSequenceResponse(w, rm, Wsa, new CreateSequenceResponse(sequence.Id, null, null, accept)),
        });
    }

    // CloseSequenceResponse (1.1) and TerminateSequenceResponse (1.1) carry the final acknowledgement of what arrived.
    private (int, OutgoingMessage?) Control(SoapMessage message, RmVersion rm, SequenceControlKind kind, SequenceControlKind responseKind, string responseAction)
    {
        SequenceControl control;
        using (var body = message.CreateBodyReader()) control = RmBodyReader.ReadSequenceControl(body, rm, kind);
        if (!_sequences.TryGetValue(control.Identifier, out var sequence)) return (202, null);
        var answer = new OutgoingMessage(message.Version, Wsa)
        {
            Action = responseAction,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(responseKind, sequence.Id, null)),
        };
        answer.Acknowledgements.Add(Acknowledgement(sequence.Id, sequence.Received, final: true)
            ?? new SequenceAcknowledgement { Identifier = sequence.Id, None = true, Final = true });
        AddOthers(answer, sequence);
        return (200, answer);
    }

    // A SequenceAcknowledgement alone, of what the mode lets be acknowledged; with nothing, 1.1's None or (1.0) HTTP 202.
    private (int, OutgoingMessage?) AcknowledgementOnly(SoapMessage message, RmVersion rm, LateAckSequence sequence)
    {
        var ack = Acknowledgement(sequence.Id, Acknowledgeable(sequence))
            ?? (rm.Is11 ? new SequenceAcknowledgement { Identifier = sequence.Id, None = true } : null);
        if (ack is null) return (202, null);
        var answer = new OutgoingMessage(message.Version, Wsa) { Action = rm.SequenceAcknowledgementAction, Rm = rm };
        answer.Acknowledgements.Add(ack);
        AddOthers(answer, sequence);
        return (AcknowledgementStatus, answer);
    }

    // Echo's reply on the offered sequence (the same number for a retransmitted request), acknowledging what the mode
    // allows: everything received for OnLaterResponse, the later response gSOAP piggybacks its acknowledgements on.
    private (int, OutgoingMessage?) Reply(SoapMessage message, RmVersion rm, LateAckSequence sequence, ulong number, string text)
    {
        if (!sequence.Replies.TryGetValue(number, out var reply)) sequence.Replies[number] = reply = (++sequence.ReplyNumber, text);
        var answer = new OutgoingMessage(message.Version, Wsa)
        {
            Action = EchoContract.EchoResponse,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            Sequence = new SequenceHeader(sequence.OfferId!, reply.Number, false),
            WriteBody = w =>
            {
                w.WriteStartElement("EchoResponse", EchoContract.Ns);
                w.WriteElementString("EchoResult", EchoContract.Ns, reply.Text);
                w.WriteEndElement();
            },
        };
        if (Acknowledgement(sequence.Id, Acknowledgeable(sequence)) is { } ack) answer.Acknowledgements.Add(ack);
        AddOthers(answer, sequence);
        return (200, answer);
    }

    private SortedSet<ulong> Acknowledgeable(LateAckSequence sequence) => Mode == LateAckMode.WhenReleased ? sequence.Released : sequence.Received;

    // AcknowledgeEverySequence: the other sequences' acknowledgements ride along.
    private void AddOthers(OutgoingMessage answer, LateAckSequence own)
    {
        if (!AcknowledgeEverySequence) return;
        foreach (var other in _sequences.Values)
            if (other != own && Acknowledgement(other.Id, Acknowledgeable(other)) is { } ack) answer.Acknowledgements.Add(ack);
    }
}
