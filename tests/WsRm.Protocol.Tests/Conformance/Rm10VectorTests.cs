using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>Positive WS-RM 1.0 samples (CXF, Sandesha 1 and 2) under <c>messages/rm10</c>.</summary>
public class Rm10VectorTests
{
    private const string CxfSequence = "http://Business456.com/RM/ABC";

    [Fact]
    public void Cxf_SequenceAcknowledgement_Ranges1And3()
    {
        var m = ReferenceVectors.Read("rm10/cxf_SequenceAcknowledgement_ranges_1-1_3-3_soap11.xml");

        Assert.Equal((SoapVersion.Soap11, AddressingVersion.WsAddressing200408, RmVersion.Rm10), (m.Version, m.Addressing.Version, m.RmVersion));
        Assert.Equal("http://schemas.xmlsoap.org/ws/2005/02/rm/SequenceAcknowledgement", m.Action);
        Assert.Equal("http://fabrikam123.com/guid/0baaf88d-483b-4ecf-a6d8-a7c2eb546810", m.Addressing.MessageId);
        Assert.Equal("http://Business456.com/serviceA/789", m.Addressing.To);
        Assert.Equal("http://fabrikam123.com/serviceB/123", m.Addressing.From?.Address);
        var ack = Assert.Single(m.Acknowledgements);
        Assert.Equal(CxfSequence, ack.Identifier);
        Assert.Equal([new AckRange(1, 1), new AckRange(3, 3)], ack.Ranges);
        Assert.Null(m.BodyElement);
        Assert.Null(m.Sequence);
    }

    [Fact]
    public void Cxf_SequenceAcknowledgement_WhitespaceInAttributes_IsTrimmed()
    {
        var ack = Assert.Single(ReferenceVectors.Read("rm10/cxf_SequenceAcknowledgement_whitespace_attrs_soap11.xml").Acknowledgements);

        Assert.Equal([new AckRange(1, 3)], ack.Ranges);
    }

    [Fact]
    public void Cxf_Sequence_Msg1And2_FeedADestinationSequence()
    {
        var msg1 = ReferenceVectors.Read("rm10/cxf_Sequence_msg1_soap11.xml");
        var msg2 = ReferenceVectors.Read("rm10/cxf_Sequence_msg2_AckRequested_soap11.xml");

        Assert.Equal(new SequenceHeader(CxfSequence, 1, false), msg1.Sequence);
        Assert.Equal("http://fabrikam123.com/serviceB/123/request", msg1.Action);
        Assert.Null(msg1.BodyElement); // the body holds only a comment
        Assert.Equal(new SequenceHeader(CxfSequence, 2, false), msg2.Sequence);
        Assert.Equal(new AckRequested(CxfSequence, null), Assert.Single(msg2.AckRequests));

        var destination = new DestinationSequence(CxfSequence, msg1.RmVersion!, true, new DestinationSequenceLimits(), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 1, TimeSpan.Zero);
        Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(msg1.Sequence!.MessageNumber, msg1.Sequence.LastMessage, t).Outcome);
        Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(msg2.Sequence!.MessageNumber, msg2.Sequence.LastMessage, t).Outcome);
        Assert.Equal([new AckRange(1, 2)], destination.Acknowledgement(false).Ranges);
    }

    [Fact]
    public void Sandesha1_CreateSequence_Wsa200408Anonymous()
    {
        var m = ReferenceVectors.Read("rm10/sandesha1_CreateSequence_anon_wsa200408_soap11.xml");

        var wsa = AddressingVersion.WsAddressing200408;
        Assert.Same(wsa, m.Addressing.Version);
        Assert.Null(m.RmVersion); // no RM headers, only an RM body
        Assert.Equal(RmVersion.Rm10.CreateSequenceAction, m.Action);
        Assert.Equal("uuid:606f3660-c053-11d9-abec-904a0d5a39a4", m.Addressing.MessageId);
        Assert.True(wsa.IsAnonymous(m.Addressing.ReplyTo?.Address));
        Assert.True(wsa.IsAnonymous(m.Addressing.FaultTo?.Address));
        Assert.True(wsa.IsAnonymous(m.Addressing.From?.Address));
        Assert.Equal(new XmlQualifiedName("CreateSequence", Ns.Rm10), m.BodyElement);

        var cs = ReferenceVectors.ReadCreateSequence(m);
        Assert.Equal(new CreateSequence(new EndpointReference(wsa.AnonymousUri), null, null), cs);
    }

    [Fact]
    public void Sandesha1_Sequence_EveryHeaderMustUnderstand_AllUnderstood()
    {
        var m = ReferenceVectors.Read("rm10/sandesha1_Sequence_msg1_wsa200408_soap11.xml");

        Assert.Empty(m.NotUnderstood);
        Assert.Equal(new SequenceHeader("uuid:1103f940-c075-11d9-bcf8-d4be11fd17cb", 1, false), m.Sequence);
        Assert.Equal("urn:wsrm:Ping", m.Action);
        Assert.Equal("http://127.0.0.1:8070/axis/services/RMTestService?wsdl", m.Addressing.To);
        Assert.Equal(new XmlQualifiedName("Ping", "urn:wsrm:Ping"), m.BodyElement);
    }

    [Fact]
    public void Sandesha2_AckRequested_Standalone()
    {
        var m = ReferenceVectors.Read("rm10/sandesha2_AckRequested_standalone_soap11.xml");

        Assert.Equal((AddressingVersion.WsAddressing10, RmVersion.Rm10), (m.Addressing.Version, m.RmVersion));
        Assert.Equal(RmVersion.Rm10.AckRequestedAction, m.Action);
        Assert.Equal(new AckRequested("uuid:897ee740-1624-11da-a28e-b3b9c4e71445", null), Assert.Single(m.AckRequests));
        Assert.Empty(m.NotUnderstood);
        Assert.Null(m.BodyElement);
    }

    [Fact]
    public void Sandesha2_CreateSequenceResponse_Accept()
    {
        var m = ReferenceVectors.Read("rm10/sandesha2_CreateSequenceResponse_Accept_soap11.xml");

        Assert.Equal("uuid:872e4c10-161a-11da-9ef7-bd9ad94438a3", m.Addressing.RelatesTo);
        Assert.Equal(RmVersion.Rm10.CreateSequenceResponseAction, m.Action);
        var csr = ReferenceVectors.ReadCreateSequenceResponse(m);
        Assert.Equal(new CreateSequenceResponse("uuid:88754b00-161a-11da-b6d6-8198de3c47c5", null, null,
            new EndpointReference("http://localhost:8070/axis/services/TestService")), csr);
    }

    [Fact]
    public void Sandesha2_CreateSequence_OfferWithoutEndpoint()
    {
        var m = ReferenceVectors.Read("rm10/sandesha2_CreateSequence_Offer_soap11_wsa10.xml");

        Assert.Equal("http://127.0.0.1:9090/axis/services/RMService", m.Addressing.ReplyTo?.Address);
        var cs = ReferenceVectors.ReadCreateSequence(m);
        Assert.Equal("http://127.0.0.1:9090/axis/services/RMService", cs.AcksTo.Address);
        Assert.Equal(new Offer("uuid:c3671020-15e0-11da-9b3b-f0439d4867bd", null, null, null), cs.Offer);
    }

    [Fact]
    public void Sandesha2_Sequence_RpcEncodedReply()
    {
        var m = ReferenceVectors.Read("rm10/sandesha2_Sequence_msg1_rpcenc_soap11.xml");

        Assert.Equal(new SequenceHeader("uuid:879da420-1624-11da-bed9-84d13db13902", 1, false), m.Sequence);
        Assert.Equal("uuid:87a0b160-1624-11da-bed9-84d13db13902", m.Addressing.RelatesTo);
        Assert.Equal("urn:wsrm:echoStringResponse", m.Action);
        Assert.Equal(new XmlQualifiedName("echoStringResponse", "http://tempuri.org/"), m.BodyElement);
        Assert.Empty(m.NotUnderstood);
    }
}
