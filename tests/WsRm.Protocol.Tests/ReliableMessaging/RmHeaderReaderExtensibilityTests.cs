using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

/// <summary>
/// RM header blocks with what their version does not define: extensions in any namespace, attributes, the other
/// version's elements, comments and white space (gSOAP indents everything). Skipped; the required parts stay checked.
/// </summary>
public class RmHeaderReaderExtensibilityTests
{
    private static T ReadAll<T>(string xml, Func<XmlReader, T> read)
    {
        using var reader = TestXml.ReaderOn(xml);
        var value = read(reader);
        Assert.True(reader.EOF, "the reader should end after the header element");
        return value;
    }

    private static RmVersion Rm(string ns) => RmVersion.FromNamespace(ns)!;

    private static string Other(string ns) => ns == Ns.Rm10 ? Ns.Rm11 : Ns.Rm10;

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadSequence_ExtensionsAttributesCommentsCdataWhiteSpace_AreSkipped(string ns)
    {
        var xml = $"<r:Sequence xmlns:r=\"{ns}\" xmlns:o=\"{Other(ns)}\" xmlns:x=\"urn:x\" x:a=\"1\">\n\t\t\t<?pi?><o:Identifier>urn:wrong</o:Identifier>" +
                  "<r:Identifier x:b=\"2\">urn:s</r:Identifier><![CDATA[\n]]><!-- c --><o:MessageNumber>x</o:MessageNumber>" +
                  "<r:MessageNumber x:c=\"3\">4</r:MessageNumber>\n<x:Ext><r:MessageNumber>5</r:MessageNumber></x:Ext><r:Future>x</r:Future>\n\t\t</r:Sequence>";

        Assert.Equal(new SequenceHeader("urn:s", 4, false), ReadAll(xml, r => RmHeaderReader.ReadSequence(r, Rm(ns))));
    }

    [Fact]
    public void ReadSequence_Rm11_LastMessageWithContent_IsNot11s_AndIgnored()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>4</r:MessageNumber><r:LastMessage>anything<x/></r:LastMessage></r:Sequence>";

        Assert.Equal(new SequenceHeader("urn:s", 4, false), ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)));
    }

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadAcknowledgement_GsoapShape_NonEmptyRangeElementsIndentationAndExtensions(string ns)
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{ns}\" xmlns:x=\"urn:x\" x:a=\"1\">\n\t\t\t<r:Identifier>urn:s</r:Identifier>\n" +
                  "\t\t\t<r:AcknowledgementRange Upper=\"3\" Lower=\"1\" x:b=\"2\"></r:AcknowledgementRange>\n" +
                  "\t\t\t<r:AcknowledgementRange Upper=\"6\" Lower=\"5\">\n\t\t\t</r:AcknowledgementRange><!-- c -->\n" +
                  "<x:Ext><r:AcknowledgementRange Upper=\"9\" Lower=\"9\"/></x:Ext>\n\t\t</r:SequenceAcknowledgement>";

        var ack = ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, Rm(ns)));

        Assert.Equal([new AckRange(1, 3), new AckRange(5, 6)], ack.Ranges);
    }

    [Fact]
    public void ReadAcknowledgement_Rm10_OtherVersionsRangesDoNotCount()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm10}\" xmlns:o=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier>" +
                  "<o:AcknowledgementRange Upper=\"9\" Lower=\"1\"/><o:Final/><r:AcknowledgementRange Upper=\"2\" Lower=\"1\"/></r:SequenceAcknowledgement>";

        var ack = ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm10));

        Assert.Equal([new AckRange(1, 2)], ack.Ranges);
        Assert.False(ack.Final);
    }

    [Fact]
    public void ReadAckRequested_Rm10_MessageNumberIsNot10s_EvenMalformed_IsIgnored()
    {
        var xml = $"<r:AckRequested xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>twelve</r:MessageNumber></r:AckRequested>";

        Assert.Equal(new AckRequested("urn:s", null), ReadAll(xml, r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm10)));
    }

    [Theory]
    [InlineData("<r:MessageNumber>twelve</r:MessageNumber>")]
    [InlineData("<r:MaxMessageNumberUsed>twelve</r:MaxMessageNumberUsed>")]
    public void ReadAckRequested_Rm11_DefinesOnlyTheIdentifier_TheRestIsIgnored(string element)
    {
        var xml = $"<r:AckRequested xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier>{element}</r:AckRequested>";

        Assert.Equal(new AckRequested("urn:s", null), ReadAll(xml, r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm11)));
    }

    [Fact]
    public void ReadAckRequested_Rm10_MalformedMaxMessageNumberUsed_StaysAnError()
    {
        var xml = $"<r:AckRequested xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:MaxMessageNumberUsed>-1</r:MaxMessageNumberUsed></r:AckRequested>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm10)));

        Assert.Equal("wsrm:MaxMessageNumberUsed must be an unsigned integer, not '-1'.", e.Message);
    }

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadAckRequested_GsoapIndentation(string ns)
    {
        var xml = $"<r:AckRequested xmlns:r=\"{ns}\">\n\t\t\t<r:Identifier>urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2</r:Identifier>\n\t\t</r:AckRequested>";

        Assert.Equal(new AckRequested("urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2", null), ReadAll(xml, r => RmHeaderReader.ReadAckRequested(r, Rm(ns))));
    }

    [Theory]
    [InlineData("<r:Sequence xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\"><r:Identifier>urn:s</r:Identifier>4<r:MessageNumber>4</r:MessageNumber></r:Sequence>")]
    [InlineData("<r:Sequence xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>4</r:MessageNumber><![CDATA[4]]></r:Sequence>")]
    public void ReadSequence_TextThatIsNotWhiteSpace_StaysAnError(string xml)
    {
        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm10)));

        Assert.Equal("wsrm:Sequence has unexpected text content.", e.Message);
    }

    [Fact]
    public void ReadSequence_IdentifierOnlyInAnExtension_StaysAnError()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><x:E xmlns:x=\"urn:x\"><r:Identifier>urn:s</r:Identifier></x:E><r:MessageNumber>1</r:MessageNumber></r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)));

        Assert.Equal("The Sequence header has no wsrm:Identifier.", e.Message);
    }
}
