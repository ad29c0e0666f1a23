using System.Xml;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

/// <summary>The body reader finds the body's child past white space in any form, as EnvelopeReader does.</summary>
public class SoapMessageWhiteSpaceTests
{
    [Theory]
    [InlineData("<![CDATA[ \n\t]]>")]
    [InlineData("<!-- c --><?pi?>\n\t")]
    public void CreateBodyReader_PassesOverWhiteSpaceAroundHeaderAndBody(string filler)
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:Envelope xmlns:s=\"{Ns.Soap11}\">{filler}<s:Header>{filler}" +
                  $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:ping</a:Action>{filler}</s:Header>{filler}<s:Body>{filler}<p:Ping xmlns:p=\"urn:p\"/>{filler}</s:Body>{filler}</s:Envelope>";
        var message = TestXml.Read(xml);

        using var body = message.CreateBodyReader();

        Assert.Equal((XmlNodeType.Element, "Ping", "urn:p"), (body.NodeType, body.LocalName, body.NamespaceURI));
    }
}
