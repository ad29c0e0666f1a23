using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// Builds the envelopes a session sends, in its SOAP and RM versions with WS-Addressing 1.0. No ReplyTo is written:
/// WS-Addressing 1.0 §3.2 defaults it to anonymous, the HTTP back-channel.
/// </summary>
internal sealed class MessageFactory(RmVersion rm, SoapVersion soap, string to)
{
    public static readonly AddressingVersion Wsa = AddressingVersion.WsAddressing10;

    public RmVersion Rm => rm;

    public static string NewMessageId() => "urn:uuid:" + Guid.NewGuid().ToString("D");

    public byte[] CreateSequence(string messageId, string offerId)
    {
        var anonymous = new EndpointReference(Wsa.AnonymousUri);
        var offer = new Offer(offerId, anonymous, null, rm.Is11 ? IncompleteSequenceBehavior.NoDiscard : null);
        var m = New(rm.CreateSequenceAction, messageId);
        m.WriteBody = w => RmBodyWriter.WriteCreateSequence(w, rm, Wsa, new CreateSequence(anonymous, null, offer));
        return EnvelopeWriter.ToArray(m);
    }

    /// <summary>An application message (or 1.0's LastMessage); <paramref name="ackRequested"/> adds a <c>wsrm:AckRequested</c> header for its sequence.</summary>
    public byte[] Application(PendingCall call, string sequenceId, SequenceAcknowledgement? replyAck, bool ackRequested = false)
    {
        var m = New(call.Action, call.MessageId);
        m.Sequence = new SequenceHeader(sequenceId, call.Number, call.LastMessage);
        if (ackRequested) m.AckRequests.Add(new AckRequested(sequenceId, null));
        if (replyAck is not null) m.Acknowledgements.Add(replyAck);
        m.WriteBody = call.WriteBody;
        return EnvelopeWriter.ToArray(m);
    }

    public byte[] AckRequested(string sequenceId, SequenceAcknowledgement? replyAck)
    {
        var m = New(rm.AckRequestedAction, null);
        m.AckRequests.Add(new AckRequested(sequenceId, null));
        if (replyAck is not null) m.Acknowledgements.Add(replyAck);
        return EnvelopeWriter.ToArray(m);
    }

    public byte[] Control(SequenceControlKind kind, string action, string sequenceId, ulong? last, SequenceAcknowledgement? replyAck)
    {
        var m = New(action, NewMessageId());
        if (replyAck is not null) m.Acknowledgements.Add(replyAck);
        m.WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(kind, sequenceId, last));
        return EnvelopeWriter.ToArray(m);
    }

    private OutgoingMessage New(string action, string? messageId) => new(soap, Wsa)
    {
        Action = action,
        MessageId = messageId,
        To = to,
        Rm = rm,
    };
}
