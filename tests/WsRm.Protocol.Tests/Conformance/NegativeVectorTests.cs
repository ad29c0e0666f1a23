using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>
/// Inputs under <c>messages/negative</c> that must be refused: what the reader does with each, and for those that
/// parse, how the state machines and fault types refuse them.
/// </summary>
public class NegativeVectorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string SandeshaSequence = "uuid:38c46700-7596-11d9-bc0a-e04431962602";

    /// <summary>Every file in <c>messages/negative</c> is covered by a test below.</summary>
    internal static readonly string[] Covered =
    [
        "negative/sandesha1_MessageNumber_18446744073709551615_rollover.xml",
        "negative/sandesha1_NoAddressingHeaders.xml",
        "negative/sandesha1_NoMessageID.xml",
        "negative/sandesha1_NoRMHeaders_WSRMRequired.xml",
        "negative/sandesha1_UnknownSequence_msg5.xml",
        "negative/sandesha2_SeqAck_ranges_AND_nacks_identifier_last_INVALID.xml",
        "negative/sandesha2_TerminateSequence_mixed_ns_INVALID.xml",
    ];

    [Fact]
    public void EveryNegativeVector_HasATest()
    {
        Assert.Equal(Covered.Order(StringComparer.Ordinal), ReferenceVectors.List("negative"));
    }

    [Fact]
    public void MessageNumberMaxUnsignedLong_ParsesThenTheDestinationFaultsMessageNumberRollover()
    {
        var m = ReferenceVectors.Read("negative/sandesha1_MessageNumber_18446744073709551615_rollover.xml");
        Assert.Equal(new SequenceHeader(SandeshaSequence, 18_446_744_073_709_551_615, false), m.Sequence);
        Assert.Same(RmVersion.Rm10, m.RmVersion);

        var destination = new DestinationSequence(SandeshaSequence, RmVersion.Rm10, true, new DestinationSequenceLimits(), T0);
        var decision = destination.Receive(m.Sequence!.MessageNumber, m.Sequence.LastMessage, T0);

        Assert.Equal(ReceiveOutcome.Faulted, decision.Outcome);
        var fault = Assert.IsType<MessageNumberRolloverFault>(decision.Fault);
        Assert.Equal(SandeshaSequence, fault.Identifier);
        Assert.Empty(destination.Received.Ranges);
        // Answered in the request's own versions: SOAP 1.1 + RM 1.0 → SequenceFault header, Identifier inline.
        var view = FaultView.Of(fault, RmVersion.Rm10, m.Version, m.Addressing.Version);
        Assert.Equal(XNamespace.Get(Ns.Rm10) + "MessageNumberRollover", view.Subcode);
        Assert.Equal(XNamespace.Get(Ns.Soap11) + "Client", view.Code);
        Assert.Equal([SandeshaSequence], view.Detail.Select(e => e.Value));
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", view.Action);
    }

    [Fact]
    public void NoAddressingHeaders_ParsesWithoutActionOrAddressingVersion()
    {
        var m = ReferenceVectors.Read("negative/sandesha1_NoAddressingHeaders.xml");

        Assert.Null(m.Addressing.Version);
        Assert.Null(m.Action);
        Assert.Null(m.Addressing.MessageId);
        Assert.Null(m.Addressing.To);
        Assert.Equal(new SequenceHeader(SandeshaSequence, 1, false), m.Sequence); // Sequence/Expires is skipped
        // What the server answers: wsa:Action is required.
        var fault = AddressingFaults.MessageAddressingHeaderRequired(m.Addressing.Version, "Action");
        Assert.Equal(Ns.Wsa10, fault.Subcode!.Namespace);
    }

    [Fact]
    public void NoMessageID_ParsesWithoutMessageId()
    {
        var m = ReferenceVectors.Read("negative/sandesha1_NoMessageID.xml");

        Assert.Null(m.Addressing.MessageId);
        Assert.Equal("urn:wsrm:echoString", m.Action);
        Assert.Equal("http://127.0.0.1:8080/wsrm/services/async", m.Addressing.ReplyTo?.Address);
        Assert.Equal(XName.Get("dummyReply", "http://tempuri.org/"), XElement.Parse(m.Addressing.ReplyTo!.ReferenceParametersXml!).Name);
        Assert.NotNull(m.Sequence);
    }

    [Fact]
    public void NoRmHeaders_ParsesWithoutRm_AndWsrmRequiredIsTheAnswer()
    {
        var m = ReferenceVectors.Read("negative/sandesha1_NoRMHeaders_WSRMRequired.xml");

        Assert.Null(m.RmVersion);
        Assert.Null(m.Sequence);
        Assert.Empty(m.Acknowledgements);
        Assert.Empty(m.AckRequests);
        Assert.Equal("urn:wsrm:echoString", m.Action);

        var view = FaultView.Of(new WsrmRequiredFault(), RmVersion.Rm11, m.Version, m.Addressing.Version);
        Assert.Equal(XNamespace.Get(Ns.Rm11) + "WSRMRequired", view.Code); // SOAP 1.1: the subcode is the faultcode
        Assert.Null(view.SequenceFaultHeader);
    }

    [Fact]
    public void UnknownSequence_ParsesThenAnEndedSequenceAnswersUnknownSequence()
    {
        var m = ReferenceVectors.Read("negative/sandesha1_UnknownSequence_msg5.xml");
        Assert.Equal(new SequenceHeader(SandeshaSequence, 5, false), m.Sequence);

        var destination = new DestinationSequence(SandeshaSequence, RmVersion.Rm10, true, new DestinationSequenceLimits(), T0);
        destination.Terminate();
        var decision = destination.Receive(m.Sequence!.MessageNumber, false, T0);

        var fault = Assert.IsType<UnknownSequenceFault>(decision.Fault);
        var view = FaultView.Of(fault, RmVersion.Rm10, m.Version, m.Addressing.Version);
        Assert.Equal(XNamespace.Get(Ns.Rm10) + "UnknownSequence", view.Subcode);
        Assert.Equal([SandeshaSequence], view.Detail.Select(e => e.Value));
    }

    [Fact]
    public void AckWithRangesAndNacks_ParsesThenTheReplySequenceRefusesItAsInvalidAcknowledgement()
    {
        var m = ReferenceVectors.Read("negative/sandesha2_SeqAck_ranges_AND_nacks_identifier_last_INVALID.xml");
        var ack = Assert.Single(m.Acknowledgements);
        Assert.Equal("uuid:897ee740-1624-11da-a28e-b3b9c4e71445", ack.Identifier); // Identifier came last; order is not enforced
        Assert.Equal([new AckRange(1, 2), new AckRange(4, 6), new AckRange(8, 10)], ack.Ranges);
        Assert.Equal([3UL, 7UL], ack.Nacks);
        Assert.Empty(m.NotUnderstood); // mustUnderstand="1" on a header we understand

        // Ten replies were sent, so only the Range+Nack mix is wrong.
        var replies = new ReplySequence(ack.Identifier, 16);
        for (ulong request = 1; request <= 10; request++) replies.Add(request, "urn:r", null, null);
        var fault = replies.Acknowledge(ack);

        Assert.NotNull(fault);
        Assert.Same(ack, fault.Acknowledgement);
        Assert.Equal(10, replies.Count);
        var view = FaultView.Of(fault, RmVersion.Rm10, SoapVersion.Soap11, AddressingVersion.WsAddressing10);
        Assert.Equal(XNamespace.Get(Ns.Rm10) + "InvalidAcknowledgement", view.Subcode);
        Assert.Equal(XNamespace.Get(Ns.Rm10) + "SequenceAcknowledgement", Assert.Single(view.Detail).Name);
    }

    [Fact]
    public void TerminateSequenceWithMixedNamespaces_ParsesButTheBodyIsRefusedForTheActionsVersion()
    {
        var m = ReferenceVectors.Read("negative/sandesha2_TerminateSequence_mixed_ns_INVALID.xml");
        Assert.Null(m.RmVersion);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/TerminateSequence", m.Action);
        Assert.Equal(new System.Xml.XmlQualifiedName("TerminateSequence", Ns.Rm11), m.BodyElement);
        var rm = RmVersion.FromAction(m.Action);
        Assert.Same(RmVersion.Rm10, rm);
        Assert.NotNull(rm);

        using var body = m.CreateBodyReader();
        var e = Assert.Throws<SoapParseException>(() => RmBodyReader.ReadSequenceControl(body, rm, SequenceControlKind.TerminateSequence));

        Assert.Equal("The body must be a {http://schemas.xmlsoap.org/ws/2005/02/rm}TerminateSequence element.", e.Message);
    }
}
