using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>[MS-WSRVCRM] Advanced Flow Control and [MS-WSRVCRR] Reliable Request-Reply examples under <c>messages/ms-openspecs</c>.</summary>
public class MsOpenSpecsVectorTests
{
    private const string AfceSequence = "urn:uuid:0b162747-99cf-479c-972f-95b776e141c3";

    [Theory]
    [InlineData("ms-openspecs/afce_msg1_Sequence_MessageNumber1.xml", 1UL)]
    [InlineData("ms-openspecs/afce_msg3_Sequence_MessageNumber2.xml", 2UL)]
    [InlineData("ms-openspecs/afce_msg6_Sequence_MessageNumber3.xml", 3UL)]
    public void Afce_ApplicationMessages(string file, ulong number)
    {
        var m = ReferenceVectors.Read(file);

        Assert.Equal((SoapVersion.Soap12, AddressingVersion.WsAddressing10, RmVersion.Rm10), (m.Version, m.Addressing.Version, m.RmVersion));
        Assert.Equal(new SequenceHeader(AfceSequence, number, false), m.Sequence);
        Assert.Equal("http://tempuri.org/IAFCEExampleContract/Operation1", m.Action);
        Assert.Equal("http://localhost/AFCEExample", m.Addressing.To);
        Assert.Empty(m.NotUnderstood);
        Assert.Null(m.BodyElement); // the documentation elides the body as "..."
    }

    [Theory]
    [InlineData("ms-openspecs/afce_msg2_SeqAck_1-1_BufferRemaining1.xml", 1UL, 1)]
    [InlineData("ms-openspecs/afce_msg4_SeqAck_1-2_BufferRemaining0.xml", 2UL, 0)]
    [InlineData("ms-openspecs/afce_msg5_SeqAck_1-2_BufferRemaining1.xml", 2UL, 1)]
    public void Afce_Acknowledgements(string file, ulong upper, int bufferRemaining)
    {
        var m = ReferenceVectors.Read(file);

        Assert.Equal(RmVersion.Rm10.SequenceAcknowledgementAction, m.Action);
        var ack = Assert.Single(m.Acknowledgements);
        Assert.Equal(AfceSequence, ack.Identifier);
        Assert.Equal([new AckRange(1, upper)], ack.Ranges);
        Assert.Equal(bufferRemaining, ack.BufferRemaining);
    }

    [Fact]
    public void Afce_Flow_OurDestinationWithATwoMessageBuffer_SendsTheDocumentedAcknowledgements()
    {
        var t = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var destination = new DestinationSequence(AfceSequence, RmVersion.Rm10, true, new DestinationSequenceLimits(Window: 2), t);
        SequenceAcknowledgement Documented(string file) => Assert.Single(ReferenceVectors.Read(file).Acknowledgements);
        void AssertSame(SequenceAcknowledgement expected, SequenceAcknowledgement actual)
        {
            Assert.Equal(expected.Identifier, actual.Identifier);
            Assert.Equal(expected.Ranges, actual.Ranges);
            Assert.Equal(expected.BufferRemaining, actual.BufferRemaining);
        }

        // msg1 arrives, is buffered → msg2: 1-1, BufferRemaining 1
        var msg1 = ReferenceVectors.Read("ms-openspecs/afce_msg1_Sequence_MessageNumber1.xml").Sequence!;
        Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(msg1.MessageNumber, msg1.LastMessage, t).Outcome);
        AssertSame(Documented("ms-openspecs/afce_msg2_SeqAck_1-1_BufferRemaining1.xml"), destination.Acknowledgement(flowControl: true));

        // msg3 arrives before the application takes msg1 → msg4: 1-2, BufferRemaining 0
        var msg3 = ReferenceVectors.Read("ms-openspecs/afce_msg3_Sequence_MessageNumber2.xml").Sequence!;
        Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(msg3.MessageNumber, msg3.LastMessage, t).Outcome);
        AssertSame(Documented("ms-openspecs/afce_msg4_SeqAck_1-2_BufferRemaining0.xml"), destination.Acknowledgement(flowControl: true));

        // the application takes msg1 → msg5: 1-2, BufferRemaining 1
        destination.Delivered(1);
        AssertSame(Documented("ms-openspecs/afce_msg5_SeqAck_1-2_BufferRemaining1.xml"), destination.Acknowledgement(flowControl: true));

        // so msg6 fits
        var msg6 = ReferenceVectors.Read("ms-openspecs/afce_msg6_Sequence_MessageNumber3.xml").Sequence!;
        Assert.Equal(ReceiveOutcome.Accepted, destination.Receive(msg6.MessageNumber, msg6.LastMessage, t).Outcome);
    }

    [Fact]
    public void Wsrvcrr_CreateSequence_AnonymousWithoutReplyTo_OfferWithoutEndpoint()
    {
        var m = ReferenceVectors.Read("ms-openspecs/wsrvcrr_4.1.1_CreateSequence_anonymous_noReplyTo_Offer.xml");

        Assert.Null(m.Addressing.ReplyTo);
        Assert.Equal("urn:uuid:20c29d59-2f5d-401a-80c7-55a6f57ffd52", m.Addressing.MessageId);
        Assert.Equal(RmVersion.Rm10.CreateSequenceAction, m.Action);
        var cs = ReferenceVectors.ReadCreateSequence(m);
        Assert.True(AddressingVersion.WsAddressing10.IsAnonymous(cs.AcksTo.Address));
        Assert.Equal(new Offer("urn:uuid:f29e9c52-5b2e-4fc4-821f-85abe541d973", null, null, null), cs.Offer);
    }

    [Fact]
    public void Wsrvcrr_CreateSequenceResponse_AcceptsTheOffer()
    {
        var request = ReferenceVectors.Read("ms-openspecs/wsrvcrr_4.1.1_CreateSequence_anonymous_noReplyTo_Offer.xml");
        var m = ReferenceVectors.Read("ms-openspecs/wsrvcrr_4.1.1_CreateSequenceResponse_Accept.xml");

        Assert.Equal(request.Addressing.MessageId, m.Addressing.RelatesTo);
        Assert.Equal(new CreateSequenceResponse("urn:uuid:57c7d4a2-2b43-4621-bc78-38c78f2defbd", null, null, new EndpointReference("http://localhost/RMD")),
            ReferenceVectors.ReadCreateSequenceResponse(m));
    }
}
