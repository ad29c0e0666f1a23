using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

/// <summary>
/// RM bodies carry what their version does not define (other stacks' extensions, the other version's elements,
/// gSOAP's 1.1-only Offer children in 1.0): that is skipped; only what the version requires is checked.
/// </summary>
public class RmBodyReaderExtensibilityTests
{
    private static readonly AddressingVersion Wsa10 = AddressingVersion.WsAddressing10;
    private const string Anonymous = "http://www.w3.org/2005/08/addressing/anonymous";
    private const string AcksTo = $"<r:AcksTo><a:Address>{Anonymous}</a:Address></r:AcksTo>";

    private static T ReadAll<T>(string xml, Func<XmlReader, T> read)
    {
        using var reader = TestXml.ReaderOn(xml);
        var value = read(reader);
        Assert.True(reader.EOF, "the reader should end after the body element");
        return value;
    }

    private static CreateSequence ReadCs(string ns, string content) =>
        ReadAll($"<r:CreateSequence xmlns:r=\"{ns}\" xmlns:a=\"{Ns.Wsa10}\">{content}</r:CreateSequence>",
            r => RmBodyReader.ReadCreateSequence(r, RmVersion.FromNamespace(ns)!, Wsa10));

    [Fact]
    public void ReadCreateSequence_Rm10OfferAsGsoapWritesIt_EndpointWithEmptyAddressAndBehaviorAreIgnored()
    {
        var cs = ReadCs(Ns.Rm10, $"""

            			{AcksTo}
            			<r:Expires>PT00H01M00S</r:Expires>
            			<r:Offer>
            				<r:Identifier>urn:uuid:1e03c5ba-1787-4e12-ab8b-45673200000000</r:Identifier>
            				<r:Endpoint>
            					<a:Address/>
            				</r:Endpoint>
            				<r:IncompleteSequenceBehavior>DiscardEntireSequence</r:IncompleteSequenceBehavior>
            			</r:Offer>

            """);

        Assert.Equal(new Offer("urn:uuid:1e03c5ba-1787-4e12-ab8b-45673200000000", null, null, null), cs.Offer);
        Assert.Equal(TimeSpan.FromMinutes(1), cs.Expires);
    }

    [Theory]
    [InlineData("<r:Endpoint/>")]
    [InlineData("<r:Endpoint><x:Other xmlns:x=\"urn:x\"/></r:Endpoint>")]
    [InlineData("<r:IncompleteSequenceBehavior>NotAValue</r:IncompleteSequenceBehavior>")]
    [InlineData("<r:IncompleteSequenceBehavior><nested/></r:IncompleteSequenceBehavior>")]
    public void ReadCreateSequence_Rm10Offer_ElementsOnlyRm11Defines_AreNotValidated(string element)
    {
        var cs = ReadCs(Ns.Rm10, $"{AcksTo}<r:Offer><r:Identifier>urn:o</r:Identifier>{element}<r:Expires>PT5S</r:Expires></r:Offer>");

        Assert.Equal(new Offer("urn:o", null, TimeSpan.FromSeconds(5), null), cs.Offer);
    }

    [Theory]
    [InlineData("<r:Endpoint><a:Address/></r:Endpoint>", "Endpoint has no wsa:Address.")]
    [InlineData("<r:Endpoint/>", "Endpoint has no wsa:Address.")]
    [InlineData("", "wsrm:Offer has no wsrm:Endpoint (required by WS-RM 1.1).")]
    [InlineData("<r:Endpoint><a:Address>http://c</a:Address></r:Endpoint><r:IncompleteSequenceBehavior>NotAValue</r:IncompleteSequenceBehavior>", "'NotAValue' is not an IncompleteSequenceBehavior value.")]
    public void ReadCreateSequence_Rm11Offer_WhatRm11RequiresStaysChecked(string content, string expected)
    {
        var e = Assert.Throws<SoapParseException>(() => ReadCs(Ns.Rm11, $"{AcksTo}<r:Offer><r:Identifier>urn:o</r:Identifier>{content}</r:Offer>"));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadCreateSequence_ExtensionsAttributesCommentsAndWhiteSpaceEverywhere_AreSkipped(string ns)
    {
        var other = ns == Ns.Rm10 ? Ns.Rm11 : Ns.Rm10;
        var endpoint = ns == Ns.Rm11 ? "<r:Endpoint x:e=\"1\"><a:Address>http://c/offer</a:Address><x:Ext/></r:Endpoint>" : "";
        var cs = ReadCs(ns,
            $"<!-- c --><?pi x?><![CDATA[ \n\t]]><o:Offer xmlns:o=\"{other}\"><o:Identifier>urn:wrong</o:Identifier></o:Offer>" +
            $"<r:AcksTo x:a=\"1\" xmlns:x=\"urn:x\"><!-- c --><a:Address x:b=\"2\">{Anonymous}</a:Address><![CDATA[ ]]><x:Ext><r:Address/></x:Ext></r:AcksTo>" +
            "<r:Expires x:c=\"3\" xmlns:x=\"urn:x\">PT10S</r:Expires>" +
            $"<r:Offer x:d=\"4\" xmlns:x=\"urn:x\"><?pi?><r:Identifier x:e=\"5\">urn:o<!-- c --></r:Identifier>{endpoint}<x:Ext><r:Identifier>urn:wrong</r:Identifier></x:Ext><r:Future/></r:Offer>" +
            "<x:SecurityTokenReference xmlns:x=\"urn:sec\"/><r:UsesSequenceSTR/>");

        Assert.Equal(Anonymous, cs.AcksTo.Address);
        Assert.Equal(TimeSpan.FromSeconds(10), cs.Expires);
        Assert.Equal("urn:o", cs.Offer!.Identifier);
        Assert.Equal(ns == Ns.Rm11 ? "http://c/offer" : null, cs.Offer.Endpoint?.Address);
    }

    [Theory]
    [InlineData("<r:CreateSequence xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\">text<r:AcksTo/></r:CreateSequence>", "wsrm:CreateSequence has unexpected text content.")]
    [InlineData("<r:CreateSequence xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\"><![CDATA[x]]></r:CreateSequence>", "wsrm:CreateSequence has unexpected text content.")]
    public void ReadCreateSequence_TextThatIsNotWhiteSpace_StaysAnError(string xml, string expected)
    {
        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmBodyReader.ReadCreateSequence(r, RmVersion.Rm10, Wsa10)));

        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("NotAValue")]
    [InlineData("DiscardEntireSequence")]
    public void ReadCreateSequenceResponse_Rm10_IncompleteSequenceBehaviorIsNot10s_IsIgnored(string value)
    {
        var xml = $"<r:CreateSequenceResponse xmlns:r=\"{Ns.Rm10}\" xmlns:a=\"{Ns.Wsa10}\"><r:Identifier>urn:i</r:Identifier>" +
                  $"<r:IncompleteSequenceBehavior>{value}</r:IncompleteSequenceBehavior><r:Accept><r:AcksTo><a:Address>http://s</a:Address></r:AcksTo><x:E xmlns:x=\"urn:x\"/></r:Accept></r:CreateSequenceResponse>";

        Assert.Equal(new CreateSequenceResponse("urn:i", null, null, new EndpointReference("http://s")),
            ReadAll(xml, r => RmBodyReader.ReadCreateSequenceResponse(r, RmVersion.Rm10, Wsa10)));
    }

    [Theory]
    [InlineData(Ns.Rm10, SequenceControlKind.TerminateSequence)]
    [InlineData(Ns.Rm11, SequenceControlKind.CloseSequence)]
    [InlineData(Ns.Rm11, SequenceControlKind.CloseSequenceResponse)]
    [InlineData(Ns.Rm11, SequenceControlKind.TerminateSequence)]
    [InlineData(Ns.Rm11, SequenceControlKind.TerminateSequenceResponse)]
    public void ReadSequenceControl_GsoapIndentationExtensionsAndTheOtherVersionsElements_AreSkipped(string ns, SequenceControlKind kind)
    {
        var other = ns == Ns.Rm10 ? Ns.Rm11 : Ns.Rm10;
        var xml = $"<r:{kind} xmlns:r=\"{ns}\" xmlns:o=\"{other}\" xmlns:x=\"urn:x\" x:a=\"1\">\n\t\t\t<o:Identifier>urn:wrong</o:Identifier>\n" +
                  $"\t\t\t<r:Identifier x:b=\"2\">urn:s</r:Identifier><!-- c -->\n<x:Ext><r:LastMsgNumber>no</r:LastMsgNumber></x:Ext><o:LastMsgNumber>no</o:LastMsgNumber>\n\t\t</r:{kind}>";

        Assert.Equal(new SequenceControl(kind, "urn:s", null), ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.FromNamespace(ns)!, kind)));
    }

    [Fact]
    public void ReadSequenceControl_MissingIdentifier_StaysAnError()
    {
        var xml = $"<r:TerminateSequence xmlns:r=\"{Ns.Rm10}\" xmlns:o=\"{Ns.Rm11}\"><o:Identifier>urn:s</o:Identifier></r:TerminateSequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmBodyReader.ReadSequenceControl(r, RmVersion.Rm10, SequenceControlKind.TerminateSequence)));

        Assert.Equal("TerminateSequence has no wsrm:Identifier.", e.Message);
    }
}
