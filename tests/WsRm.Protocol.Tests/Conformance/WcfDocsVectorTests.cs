using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>Wire examples from the WCF protocol documentation under <c>messages/wcf-docs</c>.</summary>
public class WcfDocsVectorTests
{
    private const string Rm11Sequence = "urn:uuid:656652b8-9af2-4e94-9d07-2dc21c05ed27";

    /// <summary>Header fragment files hold bare header blocks: put them in a SOAP 1.2 envelope to read them.</summary>
    private static SoapMessage ReadFragments(string file)
    {
        var fragments = ReferenceVectors.Load(file).Root!;
        Assert.Equal("fragments", fragments.Name.LocalName);
        var headers = string.Concat(fragments.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting)));
        return TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""));
    }

    [Fact]
    public void Rm10_CreateSequence_Offer_WhitespaceAroundValuesIsTrimmed()
    {
        var m = ReferenceVectors.Read("wcf-docs/rm10_CreateSequence_Offer.xml");

        Assert.Equal((SoapVersion.Soap12, AddressingVersion.WsAddressing10), (m.Version, m.Addressing.Version));
        Assert.Equal(RmVersion.Rm10.CreateSequenceAction, m.Action);
        Assert.Equal("urn:uuid:addabbbf-60cb-44d3-8c5b-9e0841629a36", m.Addressing.MessageId);
        Assert.Equal("http://Business456.com/clientA", m.Addressing.ReplyTo?.Address);
        Assert.Empty(m.NotUnderstood);
        var cs = ReferenceVectors.ReadCreateSequence(m);
        Assert.Equal(new CreateSequence(new EndpointReference("http://Business456.com/clientA"), null,
            new Offer("urn:uuid:0afb8d36-bf26-4776-b8cf-8c91fddb5496", null, null, null)), cs);
    }

    [Fact]
    public void Rm10_CreateSequenceResponse_UnqualifiedChildren_AsDocumented_IsRefusedByTheStrictBodyReader()
    {
        // The documentation's children are in no namespace (a doc artifact, flagged in the file itself).
        var m = ReferenceVectors.Read("wcf-docs/rm10_CreateSequenceResponse_Accept_unqualified-children_AS-DOCUMENTED.xml");
        Assert.Equal("urn:uuid:addabbbf-60cb-44d3-8c5b-9e0841629a36", m.Addressing.RelatesTo);
        Assert.Equal(new XmlQualifiedName("CreateSequenceResponse", Ns.Rm10), m.BodyElement);

        var e = Assert.Throws<SoapParseException>(() => ReferenceVectors.ReadCreateSequenceResponse(m));

        Assert.Equal("CreateSequenceResponse has no wsrm:Identifier.", e.Message);
    }

    [Fact]
    public void Rm10_HeaderFragments()
    {
        var m = ReadFragments("wcf-docs/rm10_header_fragments.xml");

        Assert.Same(RmVersion.Rm10, m.RmVersion);
        Assert.Equal(new SequenceHeader("urn:uuid:addabbbf-60cb-44d3-8c5b-9e0841629a36", 10, LastMessage: true), m.Sequence);
        Assert.Equal(new AckRequested("urn:uuid:addabbbf-60cb-44d3-8c5b-9e0841629a36", null), Assert.Single(m.AckRequests));
        Assert.Equal(2, m.Acknowledgements.Count);
        // B1402: WCF acknowledges "nothing yet" with the range 0-0; the reader reports it as no range at all.
        Assert.Empty(m.Acknowledgements[0].Ranges);
        Assert.Null(m.Acknowledgements[0].BufferRemaining);
        Assert.Equal("http://fabrikam123.com/abc", m.Acknowledgements[1].Identifier);
        Assert.Equal([new AckRange(1, 1)], m.Acknowledgements[1].Ranges);
        Assert.Equal(8, m.Acknowledgements[1].BufferRemaining);
    }

    [Fact]
    public void Rm11_HeaderFragments()
    {
        var m = ReadFragments("wcf-docs/rm11_header_fragments.xml");

        Assert.Same(RmVersion.Rm11, m.RmVersion);
        Assert.Equal(new SequenceHeader(Rm11Sequence, 1, false), m.Sequence);
        Assert.Equal(new AckRequested(Rm11Sequence, null), Assert.Single(m.AckRequests));
        Assert.All(m.Acknowledgements, a => Assert.Equal([new AckRange(1, 1)], a.Ranges));
        Assert.Equal([null, 8], m.Acknowledgements.Select(a => a.BufferRemaining));
        Assert.Empty(m.NotUnderstood); // UsesSequenceSTR is not marked mustUnderstand here
    }

    [Fact]
    public void Rm11_CreateSequence_OfferWithEndpointAndBehavior()
    {
        var m = ReferenceVectors.Read("wcf-docs/rm11_CreateSequence_Offer_Endpoint_ISB.xml");

        Assert.Equal(RmVersion.Rm11.CreateSequenceAction, m.Action);
        Assert.Equal("urn:uuid:949cca61-8813-42ff-ab33-18d9e3fa82fa", m.Addressing.MessageId);
        var cs = ReferenceVectors.ReadCreateSequence(m);
        Assert.Equal("http://Business456.com/clientA", cs.AcksTo.Address);
        Assert.Equal(new Offer("urn:uuid:066b4730-fc82-458a-a5c1-210be4fb4e4e", new EndpointReference("http://Business456.com/clientA"), null,
            IncompleteSequenceBehavior.DiscardFollowingFirstGap), cs.Offer);
        // R1102: AcksTo, ReplyTo and Offer/Endpoint are the same address.
        Assert.Equal(m.Addressing.ReplyTo?.Address, cs.AcksTo.Address);
    }

    [Fact]
    public void Rm11_CreateSequenceResponse_BehaviorAndAccept()
    {
        var m = ReferenceVectors.Read("wcf-docs/rm11_CreateSequenceResponse_ISB_Accept.xml");

        Assert.Equal("urn:uuid:949cca61-8813-42ff-ab33-18d9e3fa82fa", m.Addressing.RelatesTo);
        Assert.Equal(new CreateSequenceResponse(Rm11Sequence, null, IncompleteSequenceBehavior.DiscardFollowingFirstGap,
            new EndpointReference("http://BusinessABC.com/serviceA")), ReferenceVectors.ReadCreateSequenceResponse(m));
    }

    [Fact]
    public void Rm11_CloseSequence_LastMsgNumber30_ThenOurFinalAckMatchesTheDocumentedResponse()
    {
        var close = ReferenceVectors.Read("wcf-docs/rm11_CloseSequence_LastMsgNumber30.xml");
        var response = ReferenceVectors.Read("wcf-docs/rm11_CloseSequenceResponse_FinalAck_BufferRemaining.xml");

        var control = ReferenceVectors.ReadSequenceControl(close, SequenceControlKind.CloseSequence);
        Assert.Equal(new SequenceControl(SequenceControlKind.CloseSequence, Rm11Sequence, 30), control);
        Assert.Equal("urn:uuid:6ce1d4c3-e1c1-474f-a8c9-4210e37f7877", close.Addressing.MessageId);
        Assert.Equal(close.Addressing.MessageId, response.Addressing.RelatesTo);
        Assert.Equal(RmVersion.Rm11.CloseSequenceResponseAction, response.Action);
        Assert.Equal(new SequenceControl(SequenceControlKind.CloseSequenceResponse, Rm11Sequence, null),
            ReferenceVectors.ReadSequenceControl(response, SequenceControlKind.CloseSequenceResponse));
        var documented = Assert.Single(response.Acknowledgements);

        // Our destination, after receiving and delivering 1..30 with an 8-message buffer, then closing:
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var destination = new DestinationSequence(Rm11Sequence, RmVersion.Rm11, true, new DestinationSequenceLimits(Window: 8), t);
        for (ulong n = 1; n <= 30; n++)
        {
            Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(n, false, t).Outcome);
            destination.Delivered(n);
        }
        destination.Close(control.LastMessageNumber, t);
        var ours = destination.Acknowledgement(flowControl: true);

        Assert.Equal(documented.Identifier, ours.Identifier);
        Assert.Equal(documented.Ranges, ours.Ranges);
        Assert.Equal((true, true, 8), (documented.Final, ours.Final, documented.BufferRemaining));
        Assert.Equal(documented.BufferRemaining, ours.BufferRemaining);
    }

    [Fact]
    public void Rm11_TerminateSequence_LastMsgNumber30()
    {
        var m = ReferenceVectors.Read("wcf-docs/rm11_TerminateSequence_LastMsgNumber30.xml");

        Assert.Equal(RmVersion.Rm11.TerminateSequenceAction, m.Action);
        Assert.Equal(new SequenceControl(SequenceControlKind.TerminateSequence, Rm11Sequence, 30),
            ReferenceVectors.ReadSequenceControl(m, SequenceControlKind.TerminateSequence));
    }

    [Fact]
    public void Rm11_TerminateSequenceResponse_FinalAck()
    {
        var m = ReferenceVectors.Read("wcf-docs/rm11_TerminateSequenceResponse_FinalAck.xml");

        Assert.Equal("urn:uuid:3597a398-4f3c-40f4-9335-8f1515572fdf", m.Addressing.RelatesTo);
        Assert.Equal("://Business456.com/clientA", m.Addressing.To); // the documentation's typo, kept as sent
        var ack = Assert.Single(m.Acknowledgements);
        Assert.Equal([new AckRange(1, 30)], ack.Ranges);
        Assert.Equal((true, 8), (ack.Final, ack.BufferRemaining));
        Assert.Equal(new SequenceControl(SequenceControlKind.TerminateSequenceResponse, Rm11Sequence, null),
            ReferenceVectors.ReadSequenceControl(m, SequenceControlKind.TerminateSequenceResponse));
    }

    [Theory]
    [InlineData("wcf-docs/rm10_fault_CreateSequenceRefused_ConnectionLimitReached_soap12.xml", "1.0")]
    [InlineData("wcf-docs/rm11_fault_CreateSequenceRefused_ConnectionLimitReached_soap12.xml", "1.1")]
    public void CreateSequenceRefused_ConnectionLimitReached_OurFaultHasWcfsCodes(string file, string rmName)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
        var message = ReferenceVectors.Read(file);
        Assert.Equal(new XmlQualifiedName("Fault", Ns.Soap12), message.BodyElement);
        var documented = FaultView.Parse(ReferenceVectors.Load(file));

        var ours = FaultView.Of(new CreateSequenceRefusedFault("busy", connectionLimitReached: true), rm, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        Assert.Equal(documented.Code, ours.Code);
        Assert.Equal(documented.Subcode, ours.Subcode);
        Assert.Equal(documented.NestedSubcode, ours.NestedSubcode);
        Assert.Equal(XNamespace.Get(Ns.NetRm) + "ConnectionLimitReached", ours.NestedSubcode);
        if (rm.Is11) Assert.Equal(documented.Action, ours.Action); // the 1.0 sample's action uses the doc's non-existent wsa namespace
    }

    [Theory]
    [InlineData("wcf-docs/rm10_policy_RMAssertion.xml")]
    [InlineData("wcf-docs/rm11_policy_RMAssertion.xml")]
    public void PolicyAssertions_AreNotMessages(string file)
    {
        Assert.Equal("RMAssertion", ReferenceVectors.Load(file).Root!.Name.LocalName);
        Assert.Equal("The message is not a SOAP envelope.", Assert.Throws<SoapParseException>(() => ReferenceVectors.Read(file)).Message);
    }
}
