using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

/// <summary>
/// What may stand between the envelope's children and between header blocks: white space (also as CDATA or under
/// xml:space="preserve"), comments, processing instructions; and the shape gSOAP writes (XML declaration, tab
/// indentation, namespace declarations it never uses, AckRequested next to Sequence, wsa:MessageID on a one-way
/// message, Sequence without mustUnderstand).
/// </summary>
public class EnvelopeReaderWhiteSpaceTests
{
    private const string GsoapPost = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:chan="http://schemas.microsoft.com/ws/2005/02/duplex" xmlns:wsa5="http://www.w3.org/2005/08/addressing" xmlns:netrm="http://schemas.microsoft.com/ws/2006/05/rm" xmlns:wsrm="http://schemas.xmlsoap.org/ws/2005/02/rm" xmlns:arr="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:ns="urn:wsrm:samples">
        	<SOAP-ENV:Header>
        		<wsa5:MessageID>urn:uuid:015bd595-4c22-4de2-b4b0-dc5119495cff</wsa5:MessageID>
        		<wsa5:To SOAP-ENV:mustUnderstand="1">http://127.0.0.1:5080/echo</wsa5:To>
        		<wsa5:Action SOAP-ENV:mustUnderstand="1">urn:wsrm:samples/IEchoService/Post</wsa5:Action>
        		<wsrm:Sequence>
        			<wsrm:Identifier>urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2</wsrm:Identifier>
        			<wsrm:MessageNumber>1</wsrm:MessageNumber>
        		</wsrm:Sequence>
        		<wsrm:AckRequested>
        			<wsrm:Identifier>urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2</wsrm:Identifier>
        		</wsrm:AckRequested>
        	</SOAP-ENV:Header>
        	<SOAP-ENV:Body>
        		<ns:Post>
        			<ns:text>t1-post-1</ns:text>
        		</ns:Post>
        	</SOAP-ENV:Body>
        </SOAP-ENV:Envelope>
        """;

    [Fact]
    public void Read_GsoapIndentedOneWayMessage_AllHeadersAreRead()
    {
        var message = TestXml.Read(GsoapPost);

        Assert.Equal("urn:wsrm:samples/IEchoService/Post", message.Action);
        Assert.Equal("urn:uuid:015bd595-4c22-4de2-b4b0-dc5119495cff", message.Addressing.MessageId);
        Assert.Same(RmVersion.Rm10, message.RmVersion);
        Assert.Equal(new SequenceHeader("urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2", 1, false), message.Sequence);
        Assert.Equal(new AckRequested("urn:uuid:616a95e0-ad4b-4ef1-ba24-d5680abe65d2", null), Assert.Single(message.AckRequests));
        Assert.Empty(message.NotUnderstood);
        Assert.Equal(new XmlQualifiedName("Post", "urn:wsrm:samples"), message.BodyElement);
    }

    [Theory]
    [InlineData("<![CDATA[ \n\t]]>")]
    [InlineData("<?gsoap pi?>")]
    [InlineData("<!-- between -->")]
    [InlineData("\n\t\t")]
    public void Read_WhiteSpaceCdataCommentsAndPisBetweenHeadersAndAroundHeaderAndBody_AreSkipped(string filler)
    {
        var xml = $"<s:Envelope xmlns:s=\"{Ns.Soap12}\" xml:space=\"preserve\">{filler}<s:Header>{filler}" +
                  $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:ping</a:Action>{filler}" +
                  $"<r:AckRequested xmlns:r=\"{Ns.Rm11}\">{filler}<r:Identifier>urn:s</r:Identifier>{filler}</r:AckRequested>{filler}" +
                  $"</s:Header>{filler}<s:Body>{filler}<p:Ping xmlns:p=\"urn:p\"/>{filler}</s:Body>{filler}</s:Envelope>";

        var message = TestXml.Read(xml);

        Assert.Equal("urn:ping", message.Action);
        Assert.Equal("urn:s", Assert.Single(message.AckRequests).Identifier);
        Assert.Equal(new XmlQualifiedName("Ping", "urn:p"), message.BodyElement);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>text</s:Header><s:Body/></s:Envelope>", "The SOAP Header has unexpected text content.")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><![CDATA[x]]></s:Header><s:Body/></s:Envelope>", "The SOAP Header has unexpected text content.")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">text<s:Body/></s:Envelope>", "The SOAP Envelope has unexpected text content.")]
    public void Read_TextThatIsNotWhiteSpace_StaysAnError(string xml, string expected)
    {
        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(xml));

        Assert.Equal(expected, e.Message);
    }
}
