using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

/// <summary>Header blocks as <see cref="EnvelopeReader"/> collects them (through <c>HeaderCollector</c>).</summary>
public class HeaderCollectorTests
{
    private static string AllAddressingHeaders(string wsa) =>
        $"<a:To xmlns:a=\"{wsa}\"> http://server/svc </a:To>" +
        $"<a:Action xmlns:a=\"{wsa}\">urn:ping</a:Action>" +
        $"<a:MessageID xmlns:a=\"{wsa}\">urn:uuid:11111111-1111-1111-1111-111111111111</a:MessageID>" +
        $"<a:RelatesTo xmlns:a=\"{wsa}\" RelationshipType=\"http://www.w3.org/2005/08/addressing/reply\">urn:uuid:22222222-2222-2222-2222-222222222222</a:RelatesTo>" +
        $"<a:ReplyTo xmlns:a=\"{wsa}\"><a:Address>http://client/reply</a:Address></a:ReplyTo>" +
        $"<a:FaultTo xmlns:a=\"{wsa}\"><a:Address>http://client/fault</a:Address></a:FaultTo>" +
        $"<a:From xmlns:a=\"{wsa}\"><a:Address>http://client/from</a:Address></a:From>";

    [Theory]
    [InlineData(Ns.Soap11, Ns.Wsa10)]
    [InlineData(Ns.Soap12, Ns.Wsa10)]
    [InlineData(Ns.Soap11, Ns.Wsa200408)]
    [InlineData(Ns.Soap12, Ns.Wsa200408)]
    public void Read_EveryAddressingHeader_InEitherAddressingVersion(string soapNs, string wsaNs)
    {
        var message = TestXml.Read(TestXml.Envelope(soapNs, AllAddressingHeaders(wsaNs), ""));

        var a = message.Addressing;
        Assert.Equal(wsaNs, a.Version?.Namespace);
        Assert.Equal("http://server/svc", a.To);
        Assert.Equal("urn:ping", a.Action);
        Assert.Equal("urn:ping", message.Action);
        Assert.Equal("urn:uuid:11111111-1111-1111-1111-111111111111", a.MessageId);
        Assert.Equal("urn:uuid:22222222-2222-2222-2222-222222222222", a.RelatesTo);
        Assert.Equal(new EndpointReference("http://client/reply"), a.ReplyTo);
        Assert.Equal(new EndpointReference("http://client/fault"), a.FaultTo);
        Assert.Equal(new EndpointReference("http://client/from"), a.From);
        Assert.Empty(message.NotUnderstood);
    }

    [Fact]
    public void Read_ReplyToWithReferenceParameters_KeepsThemAsRawXml()
    {
        var headers = $"<a:ReplyTo xmlns:a=\"{Ns.Wsa10}\"><a:Address>http://client/reply</a:Address>" +
                      "<a:ReferenceParameters><c:Session xmlns:c=\"urn:client\">42</c:Session></a:ReferenceParameters></a:ReplyTo>";

        var replyTo = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).Addressing.ReplyTo;

        Assert.NotNull(replyTo);
        Assert.Equal("http://client/reply", replyTo.Address);
        var parameters = System.Xml.Linq.XElement.Parse(replyTo.ReferenceParametersXml!);
        Assert.Equal(System.Xml.Linq.XName.Get("Session", "urn:client"), parameters.Name);
        Assert.Equal("42", parameters.Value);
    }

    [Fact]
    public void Read_NoWsaAction_FallsBackToTheTransportAction()
    {
        var message = TestXml.Read(TestXml.Envelope(Ns.Soap11, "", "<b xmlns=\"urn:b\"/>"), transportAction: "urn:from-soapaction");

        Assert.Equal("urn:from-soapaction", message.Action);
        Assert.Null(message.Addressing.Version);
    }

    [Fact]
    public void Read_WsaActionPresent_WinsOverTheTransportAction()
    {
        var headers = $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:from-header</a:Action>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""), transportAction: "urn:from-content-type");

        Assert.Equal("urn:from-header", message.Action);
    }

    [Fact]
    public void Read_OtherAddressingHeadersButNoAction_UsesTheTransportActionAndKeepsTheVersion()
    {
        var headers = $"<a:MessageID xmlns:a=\"{Ns.Wsa200408}\">uuid:1</a:MessageID>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap11, headers, ""), transportAction: "urn:t");

        Assert.Equal("urn:t", message.Action);
        Assert.Same(AddressingVersion.WsAddressing200408, message.Addressing.Version);
        Assert.Equal("uuid:1", message.Addressing.MessageId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Read_NoActionAnywhere_ActionIsNull(string? transportAction)
    {
        Assert.Null(TestXml.Read(TestXml.Envelope(Ns.Soap11, "", ""), transportAction).Action);
    }

    [Fact]
    public void Read_MixedAddressingNamespaces_ThrowsSoapParseException()
    {
        var headers = $"<a:To xmlns:a=\"{Ns.Wsa10}\">http://server/svc</a:To><b:Action xmlns:b=\"{Ns.Wsa200408}\">urn:ping</b:Action>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")));

        Assert.Contains("mixes WS-Addressing namespaces", e.Message);
        Assert.Contains(Ns.Wsa10, e.Message);
        Assert.Contains(Ns.Wsa200408, e.Message);
    }

    [Fact]
    public void Read_MixedRmNamespaces_ThrowsSoapParseException()
    {
        var headers = $"<r:Sequence xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:a</r:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>" +
                      $"<q:AckRequested xmlns:q=\"{Ns.Rm11}\"><q:Identifier>urn:b</q:Identifier></q:AckRequested>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")));

        Assert.Contains("mixes WS-RM namespaces", e.Message);
    }

    [Fact]
    public void Read_TwoSequenceHeaders_ThrowsSoapParseException()
    {
        var seq = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:a</r:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(Ns.Soap12, seq + seq, "")));

        Assert.Equal("The message has more than one Sequence header.", e.Message);
    }

    [Fact]
    public void Read_RmHeaders_AreCollectedWithTheirVersion()
    {
        var headers = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\"><r:Identifier>urn:seq:a</r:Identifier><r:MessageNumber>7</r:MessageNumber></r:Sequence>" +
                      $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:seq:b</r:Identifier><r:AcknowledgementRange Lower=\"1\" Upper=\"2\"/></r:SequenceAcknowledgement>" +
                      $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:seq:c</r:Identifier><r:None/></r:SequenceAcknowledgement>" +
                      $"<r:AckRequested xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:seq:a</r:Identifier></r:AckRequested>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""));

        Assert.Same(RmVersion.Rm11, message.RmVersion);
        Assert.Equal(new SequenceHeader("urn:seq:a", 7, false), message.Sequence);
        Assert.Equal(["urn:seq:b", "urn:seq:c"], message.Acknowledgements.Select(a => a.Identifier));
        Assert.Equal([new AckRange(1, 2)], message.Acknowledgements[0].Ranges);
        Assert.True(message.Acknowledgements[1].None);
        Assert.Equal(new AckRequested("urn:seq:a", null), Assert.Single(message.AckRequests));
        Assert.Empty(message.NotUnderstood);
    }

    [Fact]
    public void Read_SequenceFaultHeader_IsSkippedButSetsTheRmVersion()
    {
        var headers = $"<r:SequenceFault xmlns:r=\"{Ns.Rm10}\"><r:FaultCode>r:UnknownSequence</r:FaultCode><r:Identifier>urn:x</r:Identifier></r:SequenceFault>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap11, headers, ""));

        Assert.Same(RmVersion.Rm10, message.RmVersion);
        Assert.Null(message.Sequence);
        Assert.Empty(message.NotUnderstood);
    }

    [Theory]
    [InlineData(Ns.Soap11, "1")]
    [InlineData(Ns.Soap11, "true")]
    [InlineData(Ns.Soap12, "true")]
    [InlineData(Ns.Soap12, "1")]
    [InlineData(Ns.Soap12, " true ")]
    public void Read_UnknownMustUnderstandHeader_IsReportedNotUnderstood(string soapNs, string value)
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{soapNs}\" s:mustUnderstand=\"{value}\"><x:Token>t</x:Token></x:Security>" +
                      $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:after</a:Action>";

        var message = TestXml.Read(TestXml.Envelope(soapNs, headers, ""));

        Assert.Equal(new XmlQualifiedName("Security", "urn:sec"), Assert.Single(message.NotUnderstood));
        Assert.Equal("urn:after", message.Action); // the reader went on past the skipped header
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    public void Read_UnknownHeaderNotMustUnderstand_IsIgnored(string value)
    {
        var headers = $"<x:Trace xmlns:x=\"urn:trace\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"{value}\">t</x:Trace><x:Other xmlns:x=\"urn:trace\">o</x:Other>";

        Assert.Empty(TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).NotUnderstood);
    }

    [Theory]
    [InlineData(Ns.Soap11, "yes")]
    [InlineData(Ns.Soap11, "2")]
    [InlineData(Ns.Soap11, "")]
    [InlineData(Ns.Soap12, "yes")]
    [InlineData(Ns.Soap12, "2")]
    [InlineData(Ns.Soap12, "")]
    [InlineData(Ns.Soap12, "TRUE")]
    public void Read_MustUnderstandThatIsNotAnXsBoolean_IsRefusedNamingTheHeader(string soapNs, string value)
    {
        // Neither silently false (an unknown header would be ignored) nor silently true: the sender's error.
        foreach (var header in new[]
                 {
                     $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{soapNs}\" s:mustUnderstand=\"{value}\"/>",
                     $"<a:To xmlns:a=\"{Ns.Wsa10}\" xmlns:s=\"{soapNs}\" s:mustUnderstand=\"{value}\">http://server/svc</a:To>",
                 })
        {
            var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(soapNs, header, "")));

            Assert.Contains("mustUnderstand", e.Message);
            Assert.Contains(header.Contains("Security", StringComparison.Ordinal) ? "'urn:sec:Security'" : $"'{Ns.Wsa10}:To'", e.Message);
            Assert.Contains($"not '{value}'", e.Message);
        }
    }

    [Fact]
    public void Read_MustUnderstandThatIsNotAnXsBoolean_OnAHeaderForAnotherRole_IsNotOursToJudge()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"yes\" s:role=\"{Ns.Soap12RoleNone}\"/>";

        Assert.Empty(TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).NotUnderstood);
    }

    [Fact]
    public void Read_MustUnderstandInTheOtherSoapNamespace_DoesNotCount()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:o=\"{Ns.Soap12}\" o:mustUnderstand=\"true\"/>";

        Assert.Empty(TestXml.Read(TestXml.Envelope(Ns.Soap11, headers, "")).NotUnderstood);
    }

    [Fact]
    public void Read_KnownMustUnderstandHeaders_AreUnderstood()
    {
        var headers = $"<a:To xmlns:a=\"{Ns.Wsa10}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"1\">http://server/svc</a:To>" +
                      $"<a:Action xmlns:a=\"{Ns.Wsa10}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\">urn:ping</a:Action>" +
                      $"<r:Sequence xmlns:r=\"{Ns.Rm10}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>" +
                      $"<r:AckRequested xmlns:r=\"{Ns.Rm10}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\"><r:Identifier>urn:s</r:Identifier></r:AckRequested>" +
                      $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm10}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\"><r:Identifier>urn:s</r:Identifier><r:AcknowledgementRange Upper=\"1\" Lower=\"1\"/></r:SequenceAcknowledgement>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""));

        Assert.Empty(message.NotUnderstood);
        Assert.NotNull(message.Sequence);
    }

    [Theory]
    [InlineData(Ns.Wsa10, "ReferenceParameters")]
    [InlineData(Ns.Rm11, "UsesSequenceSTR")]
    [InlineData(Ns.Rm10, "Unknown")]
    public void Read_UnknownHeaderInAKnownNamespace_WithMustUnderstand_IsNotUnderstood(string ns, string name)
    {
        var headers = $"<k:{name} xmlns:k=\"{ns}\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\"/>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, ""));

        Assert.Equal(new XmlQualifiedName(name, ns), Assert.Single(message.NotUnderstood));
    }

    [Fact]
    public void Read_Soap12RoleNone_IsIgnoredEvenWithMustUnderstand()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\" s:role=\"{Ns.Soap12RoleNone}\"/>";

        Assert.Empty(TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).NotUnderstood);
    }

    [Fact]
    public void Read_Soap12RoleNext_IsTargetedAtUs()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\" s:role=\"{Ns.Soap12RoleNext}\"/>";

        Assert.Single(TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).NotUnderstood);
    }

    [Fact]
    public void Read_Soap11ActorNext_IsTargetedAtUs()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{Ns.Soap11}\" s:mustUnderstand=\"1\" s:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"/>";

        Assert.Single(TestXml.Read(TestXml.Envelope(Ns.Soap11, headers, "")).NotUnderstood);
    }

    [Fact]
    public void Read_Soap12RoleUltimateReceiver_IsTargetedAtUs()
    {
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{Ns.Soap12}\" s:mustUnderstand=\"true\" s:role=\"http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver\"/>";

        Assert.Single(TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).NotUnderstood);
    }

    [Theory]
    [InlineData(Ns.Soap12, "role", "true")]
    [InlineData(Ns.Soap11, "actor", "1")]
    public void Read_MustUnderstandHeaderTargetedAtAnotherRole_IsNotOurs(string soapNs, string roleAttribute, string mustUnderstand)
    {
        // SOAP 1.2 Part 1 §5.2.3 / SOAP 1.1 §4.2.3: mustUnderstand only concerns header blocks targeted at this node
        // (next, ultimateReceiver, or no role); a block for "urn:example:gateway" is not processed and never faults.
        var headers = $"<x:Security xmlns:x=\"urn:sec\" xmlns:s=\"{soapNs}\" s:mustUnderstand=\"{mustUnderstand}\" s:{roleAttribute}=\"urn:example:gateway\"/>";

        Assert.Empty(TestXml.Read(TestXml.Envelope(soapNs, headers, "")).NotUnderstood);
    }

    [Theory]
    [InlineData("<a:Action>urn:first</a:Action><a:Action>urn:second</a:Action>")]
    [InlineData("<a:To>http://a</a:To><a:To>http://b</a:To>")]
    [InlineData("<a:MessageID>urn:1</a:MessageID><a:MessageID>urn:2</a:MessageID>")]
    [InlineData("<a:ReplyTo><a:Address>http://a</a:Address></a:ReplyTo><a:ReplyTo><a:Address>http://b</a:Address></a:ReplyTo>")]
    [InlineData("<a:FaultTo><a:Address>http://a</a:Address></a:FaultTo><a:FaultTo><a:Address>http://b</a:Address></a:FaultTo>")]
    [InlineData("<a:From><a:Address>http://a</a:Address></a:From><a:From><a:Address>http://b</a:Address></a:From>")]
    public void Read_DuplicatedAddressingHeader_ThrowsSoapParseException(string headers)
    {
        // WS-Addressing 1.0 Core §3.2 allows at most one of each; the SOAP binding's fault is InvalidAddressingHeader
        // (subsubcode InvalidCardinality). Last-one-wins lets two parties see different actions or destinations.
        var xml = TestXml.Envelope(Ns.Soap12, headers, "", $" xmlns:a=\"{Ns.Wsa10}\"");

        Assert.Throws<SoapParseException>(() => TestXml.Read(xml));
    }

    [Fact]
    public void Read_SeveralRelatesTo_IsAllowed_TheLastIsKept()
    {
        // RelatesTo may legitimately repeat with different relationship types.
        var headers = $"<a:RelatesTo xmlns:a=\"{Ns.Wsa10}\">urn:1</a:RelatesTo><a:RelatesTo xmlns:a=\"{Ns.Wsa10}\" RelationshipType=\"urn:other\">urn:2</a:RelatesTo>";

        Assert.Equal("urn:2", TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")).Addressing.RelatesTo);
    }

    [Fact]
    public void Read_SeveralNotUnderstoodHeaders_AreAllListedInOrder()
    {
        var headers = $"<x:A xmlns:x=\"urn:x\" xmlns:s=\"{Ns.Soap11}\" s:mustUnderstand=\"1\"/><y:B xmlns:y=\"urn:y\" xmlns:s=\"{Ns.Soap11}\" s:mustUnderstand=\"1\"/>";

        var message = TestXml.Read(TestXml.Envelope(Ns.Soap11, headers, ""));

        Assert.Equal([new XmlQualifiedName("A", "urn:x"), new XmlQualifiedName("B", "urn:y")], message.NotUnderstood);
    }

    [Fact]
    public void Read_InvalidKnownHeader_ThrowsSoapParseException()
    {
        var headers = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>one</r:MessageNumber></r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")));

        Assert.Equal("wsrm:MessageNumber must be an unsigned integer, not 'one'.", e.Message);
    }

    [Fact]
    public void Read_ReplyToWithoutAddress_ThrowsSoapParseException()
    {
        var headers = $"<a:ReplyTo xmlns:a=\"{Ns.Wsa10}\"><a:ReferenceParameters/></a:ReplyTo>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(TestXml.Envelope(Ns.Soap12, headers, "")));

        Assert.Equal("ReplyTo has no wsa:Address.", e.Message);
    }
}
