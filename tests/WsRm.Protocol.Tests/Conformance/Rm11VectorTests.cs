using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Conformance;

/// <summary>Samples under <c>messages/rm11</c>: a bare TerminateSequence element and two WS-MakeConnection envelopes.</summary>
public class Rm11VectorTests
{
    [Fact]
    public void Metro_TerminateSequenceElement_IsABodyNotAnEnvelope()
    {
        const string file = "rm11/metro_TerminateSequence_element.xml";

        var e = Assert.Throws<SoapParseException>(() => ReferenceVectors.Read(file));
        Assert.Equal("The message is not a SOAP envelope.", e.Message);

        using var reader = XmlReader.Create(ReferenceVectors.PathOf(file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
        reader.MoveToContent();
        var control = RmBodyReader.ReadSequenceControl(reader, RmVersion.Rm11, SequenceControlKind.TerminateSequence);
        Assert.Equal(new SequenceControl(SequenceControlKind.TerminateSequence, "uuid:839aabc1-fcfd-4402-9f88-0462c01a01ed", 3), control);
    }

    [Fact]
    public void Sandesha2_MakeConnection_ParsesWithoutRmHeaders()
    {
        var m = ReferenceVectors.Read("rm11/sandesha2_MakeConnection_wsmc.xml");

        Assert.Same(SoapVersion.Soap11, m.Version);
        Assert.Same(AddressingVersion.WsAddressing10, m.Addressing.Version);
        Assert.Null(m.RmVersion);
        Assert.Null(m.Sequence);
        Assert.Equal("http://example.org/subscriptionService", m.Addressing.To);
        // The sample wraps the action URI over two lines; the reader keeps the value as sent (only trimmed).
        Assert.Equal("http://docs.oasis-open.org/wsrx/\nwsrm/200608/MakeConnection", m.Action);
        Assert.Equal(new XmlQualifiedName("MakeConnection", "http://docs.oasis-open.org/ws-rx/wsmc/200702"), m.BodyElement);
        Assert.Empty(m.NotUnderstood);
    }

    [Fact]
    public void Sandesha2_MessagePending_SequenceHeaderWithoutMessageNumber_IsRefused()
    {
        // The WS-MC spec example abbreviates wsrm:Sequence to its Identifier. WS-RM 1.1's schema makes MessageNumber
        // mandatory, so a strict reader refuses the header (and with it the envelope) rather than inventing a number.
        var e = Assert.Throws<SoapParseException>(() => ReferenceVectors.Read("rm11/sandesha2_MessagePending_wsmc.xml"));

        Assert.Equal("The Sequence header has no wsrm:MessageNumber.", e.Message);
    }
}
