using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

public class RmBodyReaderTests
{
    private static readonly AddressingVersion Wsa10 = AddressingVersion.WsAddressing10;

    private static T ReadAll<T>(string xml, Func<XmlReader, T> read)
    {
        using var reader = TestXml.ReaderOn(xml);
        var value = read(reader);
        Assert.True(reader.EOF, "the reader should end after the body element");
        return value;
    }

    private static CreateSequence ReadCs(string ns, string content, AddressingVersion? wsa = null) =>
        ReadAll($"<r:CreateSequence xmlns:r=\"{ns}\" xmlns:a=\"{(wsa ?? Wsa10).Namespace}\">{content}</r:CreateSequence>",
            r => RmBodyReader.ReadCreateSequence(r, RmVersion.FromNamespace(ns)!, wsa ?? Wsa10));

    // ---- CreateSequence ----

    [Fact]
    public void ReadCreateSequence_Rm11_AcksToExpiresOfferWithEndpointAndBehavior()
    {
        var cs = ReadCs(Ns.Rm11,
            "<r:AcksTo><a:Address>http://client/acks</a:Address><a:ReferenceParameters><c:Id xmlns:c=\"urn:c\">1</c:Id></a:ReferenceParameters></r:AcksTo>" +
            "<r:Expires>PT1H30M</r:Expires>" +
            "<r:Offer><r:Identifier>urn:uuid:offer</r:Identifier><r:Endpoint><a:Address>http://client/offer</a:Address></r:Endpoint>" +
            "<r:Expires>P1D</r:Expires><r:IncompleteSequenceBehavior> DiscardFollowingFirstGap </r:IncompleteSequenceBehavior></r:Offer>");

        Assert.Equal("http://client/acks", cs.AcksTo.Address);
        Assert.Contains("urn:c", cs.AcksTo.ReferenceParametersXml);
        Assert.Equal(TimeSpan.FromMinutes(90), cs.Expires);
        Assert.Equal(new Offer("urn:uuid:offer", new EndpointReference("http://client/offer"), TimeSpan.FromDays(1), IncompleteSequenceBehavior.DiscardFollowingFirstGap), cs.Offer);
    }

    [Fact]
    public void ReadCreateSequence_Rm10_OfferWithoutEndpoint_IsFine()
    {
        var cs = ReadCs(Ns.Rm10, "<r:AcksTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></r:AcksTo><r:Offer><r:Identifier>urn:o</r:Identifier></r:Offer>");

        Assert.Equal(new Offer("urn:o", null, null, null), cs.Offer);
        Assert.Null(cs.Expires);
    }

    [Fact]
    public void ReadCreateSequence_Wsa200408AcksTo()
    {
        var cs = ReadCs(Ns.Rm10, "<r:AcksTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></r:AcksTo>", AddressingVersion.WsAddressing200408);

        Assert.True(AddressingVersion.WsAddressing200408.IsAnonymous(cs.AcksTo.Address));
        Assert.Null(cs.Offer);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("")]
    public void ReadCreateSequence_ZeroOrEmptyExpires_MeansNone(string expires)
    {
        Assert.Null(ReadCs(Ns.Rm11, $"<r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Expires>{expires}</r:Expires>").Expires);
    }

    [Fact]
    public void ReadCreateSequence_UnknownAndForeignChildren_AreSkipped()
    {
        var cs = ReadCs(Ns.Rm11, "<x:Ext xmlns:x=\"urn:x\"><x:AcksTo/></x:Ext><r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Future/>");

        Assert.Equal("http://c", cs.AcksTo.Address);
    }

    [Theory]
    [InlineData(Ns.Rm10, "<r:Offer><r:Identifier>urn:o</r:Identifier></r:Offer>", "CreateSequence has no wsrm:AcksTo.")]
    [InlineData(Ns.Rm11, "<r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Offer><r:Identifier>urn:o</r:Identifier></r:Offer>", "wsrm:Offer has no wsrm:Endpoint (required by WS-RM 1.1).")]
    [InlineData(Ns.Rm10, "<r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Offer><r:Expires>PT1S</r:Expires></r:Offer>", "wsrm:Offer has no wsrm:Identifier.")]
    [InlineData(Ns.Rm10, "<r:AcksTo/>", "AcksTo has no wsa:Address.")]
    [InlineData(Ns.Rm10, "<r:AcksTo><a:Address> </a:Address></r:AcksTo>", "AcksTo has no wsa:Address.")]
    [InlineData(Ns.Rm10, "<r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Expires>one hour</r:Expires>", "wsrm:Expires must be an xs:duration, not 'one hour'.")]
    [InlineData(Ns.Rm11, "<r:AcksTo><a:Address>http://c</a:Address></r:AcksTo><r:Offer><r:Identifier>urn:o</r:Identifier><r:Endpoint><a:Address>http://c</a:Address></r:Endpoint><r:IncompleteSequenceBehavior>DiscardAll</r:IncompleteSequenceBehavior></r:Offer>", "'DiscardAll' is not an IncompleteSequenceBehavior value.")]
    public void ReadCreateSequence_Invalid_ThrowsSoapParseException(string ns, string content, string expected)
    {
        var e = Assert.Throws<SoapParseException>(() => ReadCs(ns, content));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void ReadCreateSequence_AcksToInTheOtherAddressingVersion_HasNoAddress()
    {
        var xml = $"<r:CreateSequence xmlns:r=\"{Ns.Rm10}\" xmlns:a=\"{Ns.Wsa200408}\"><r:AcksTo><a:Address>http://c</a:Address></r:AcksTo></r:CreateSequence>";

        Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmBodyReader.ReadCreateSequence(r, RmVersion.Rm10, Wsa10)));
    }

    [Theory]
    [InlineData("<r:CreateSequenceResponse xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\"/>")]
    [InlineData("<r:CreateSequence xmlns:r=\"http://docs.oasis-open.org/ws-rx/wsrm/200702\"/>")]
    public void ReadCreateSequence_WrongElementOrVersion_ThrowsNamingTheExpectedElement(string xml)
    {
        using var reader = TestXml.ReaderOn(xml);

        var e = Assert.Throws<SoapParseException>(() => RmBodyReader.ReadCreateSequence(reader, RmVersion.Rm10, Wsa10));

        Assert.Equal("The body must be a {http://schemas.xmlsoap.org/ws/2005/02/rm}CreateSequence element.", e.Message);
    }

    [Fact]
    public void ReadCreateSequence_EmptyElement_Throws()
    {
        using var reader = TestXml.ReaderOn($"<r:CreateSequence xmlns:r=\"{Ns.Rm10}\"/>");

        var e = Assert.Throws<SoapParseException>(() => RmBodyReader.ReadCreateSequence(reader, RmVersion.Rm10, Wsa10));

        Assert.Equal("wsrm:CreateSequence is empty.", e.Message);
    }

    // ---- CreateSequenceResponse ----

    [Fact]
    public void ReadCreateSequenceResponse_Rm11_WithBehaviorAndAccept()
    {
        var xml = $"<r:CreateSequenceResponse xmlns:r=\"{Ns.Rm11}\" xmlns:a=\"{Ns.Wsa10}\"><r:Identifier>urn:uuid:new</r:Identifier><r:Expires>PT10M</r:Expires>" +
                  "<r:IncompleteSequenceBehavior>DiscardEntireSequence</r:IncompleteSequenceBehavior><r:Accept><r:AcksTo><a:Address>http://server/acks</a:Address></r:AcksTo></r:Accept></r:CreateSequenceResponse>";

        var csr = ReadAll(xml, r => RmBodyReader.ReadCreateSequenceResponse(r, RmVersion.Rm11, Wsa10));

        Assert.Equal(new CreateSequenceResponse("urn:uuid:new", TimeSpan.FromMinutes(10), IncompleteSequenceBehavior.DiscardEntireSequence, new EndpointReference("http://server/acks")), csr);
    }

    [Fact]
    public void ReadCreateSequenceResponse_WithoutAccept()
    {
        var xml = $"<r:CreateSequenceResponse xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:uuid:new</r:Identifier></r:CreateSequenceResponse>";

        Assert.Equal(new CreateSequenceResponse("urn:uuid:new", null, null, null), ReadAll(xml, r => RmBodyReader.ReadCreateSequenceResponse(r, RmVersion.Rm10, Wsa10)));
    }

    [Theory]
    [InlineData("<r:Accept><r:AcksTo><a:Address>http://s</a:Address></r:AcksTo></r:Accept>", "CreateSequenceResponse has no wsrm:Identifier.")]
    [InlineData("<r:Identifier>urn:i</r:Identifier><r:Accept><x:AcksTo xmlns:x=\"urn:x\"/></r:Accept>", "wsrm:Accept has no wsrm:AcksTo.")]
    [InlineData("<r:Identifier>urn:i</r:Identifier><r:Accept/>", "wsrm:Accept is empty.")]
    public void ReadCreateSequenceResponse_Invalid_Throws(string content, string expected)
    {
        var xml = $"<r:CreateSequenceResponse xmlns:r=\"{Ns.Rm11}\" xmlns:a=\"{Ns.Wsa10}\">{content}</r:CreateSequenceResponse>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmBodyReader.ReadCreateSequenceResponse(r, RmVersion.Rm11, Wsa10)));

        Assert.Equal(expected, e.Message);
    }

    // ---- Close / Terminate ----

    [Theory]
    [InlineData(SequenceControlKind.CloseSequence)]
    [InlineData(SequenceControlKind.TerminateSequence)]
    public void ReadSequenceControl_Rm11RequestWithLastMsgNumber(SequenceControlKind kind)
    {
        var xml = $"<r:{kind} xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:LastMsgNumber> 30 </r:LastMsgNumber></r:{kind}>";

        Assert.Equal(new SequenceControl(kind, "urn:s", 30), ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.Rm11, kind)));
    }

    [Theory]
    [InlineData(SequenceControlKind.CloseSequenceResponse)]
    [InlineData(SequenceControlKind.TerminateSequenceResponse)]
    public void ReadSequenceControl_Rm11Responses(SequenceControlKind kind)
    {
        var xml = $"<r:{kind} xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier></r:{kind}>";

        Assert.Equal(new SequenceControl(kind, "urn:s", null), ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.Rm11, kind)));
    }

    [Fact]
    public void ReadSequenceControl_Rm10Terminate_IgnoresLastMsgNumber()
    {
        var xml = $"<r:TerminateSequence xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:LastMsgNumber>3</r:LastMsgNumber></r:TerminateSequence>";

        Assert.Equal(new SequenceControl(SequenceControlKind.TerminateSequence, "urn:s", null),
            ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.Rm10, SequenceControlKind.TerminateSequence)));
    }

    [Theory]
    [InlineData("<r:LastMsgNumber>3</r:LastMsgNumber>", "CloseSequence has no wsrm:Identifier.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:LastMsgNumber>three</r:LastMsgNumber>", "wsrm:LastMsgNumber must be an unsigned integer, not 'three'.")]
    public void ReadSequenceControl_Invalid_Throws(string content, string expected)
    {
        var xml = $"<r:CloseSequence xmlns:r=\"{Ns.Rm11}\">{content}</r:CloseSequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.Rm11, SequenceControlKind.CloseSequence)));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void ReadSequenceControl_KindMismatch_Throws()
    {
        using var reader = TestXml.ReaderOn($"<r:CloseSequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier></r:CloseSequence>");

        var e = Assert.Throws<SoapParseException>(() => RmBodyReader.ReadSequenceControl(reader, RmVersion.Rm11, SequenceControlKind.TerminateSequence));

        Assert.Equal("The body must be a {http://docs.oasis-open.org/ws-rx/wsrm/200702}TerminateSequence element.", e.Message);
    }
}
