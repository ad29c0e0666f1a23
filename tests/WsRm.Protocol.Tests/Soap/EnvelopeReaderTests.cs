using System.Xml;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

/// <summary>Envelope structure: versions, malformed input, DTDs, Body. Header contents are in <see cref="HeaderCollectorTests"/>.</summary>
public class EnvelopeReaderTests
{
    [Theory]
    [InlineData(Ns.Soap11, "1.1")]
    [InlineData(Ns.Soap12, "1.2")]
    public void Read_EnvelopeOfEitherVersion_ReportsItsVersionAndBodyElement(string soapNs, string expected)
    {
        var xml = TestXml.Envelope(soapNs, $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:ping</a:Action>", "<p:Ping xmlns:p=\"urn:p\"><p:Text>hi</p:Text></p:Ping>");

        var message = TestXml.Read(xml);

        Assert.Equal(expected, message.Version.Name);
        Assert.Equal(new XmlQualifiedName("Ping", "urn:p"), message.BodyElement);
        Assert.Equal("urn:ping", message.Action);
        Assert.Equal(xml, System.Text.Encoding.UTF8.GetString(message.Buffer.Span));
    }

    [Fact]
    public void Read_EnvelopeWithoutHeader_HasNoHeaders()
    {
        var message = TestXml.Read($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Body><x xmlns=\"urn:x\"/></s:Body></s:Envelope>");

        Assert.Null(message.Addressing.Version);
        Assert.Null(message.Action);
        Assert.Null(message.RmVersion);
        Assert.Null(message.Sequence);
        Assert.Empty(message.Acknowledgements);
        Assert.Empty(message.AckRequests);
        Assert.Empty(message.NotUnderstood);
        Assert.Equal(new XmlQualifiedName("x", "urn:x"), message.BodyElement);
    }

    [Theory]
    [InlineData("<s:Body/>")]
    [InlineData("<s:Body></s:Body>")]
    [InlineData("<s:Body>  <!-- nothing --> </s:Body>")]
    [InlineData("<s:Body>...</s:Body>")]
    public void Read_EmptyBody_HasNoBodyElement(string body)
    {
        var message = TestXml.Read($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Header/>{body}</s:Envelope>");

        Assert.Null(message.BodyElement);
    }

    [Fact]
    public void Read_XmlDeclarationCommentsAndWhitespace_AreTolerated()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- licence -->\n  " +
                  $"<s:Envelope xmlns:s=\"{Ns.Soap11}\">\n <s:Header>\n  <!-- c -->\n </s:Header>\n <s:Body>\n  <?pi x?><b xmlns=\"urn:b\"/>\n </s:Body>\n</s:Envelope>";

        var message = TestXml.Read(xml);

        Assert.Same(SoapVersion.Soap11, message.Version);
        Assert.Equal(new XmlQualifiedName("b", "urn:b"), message.BodyElement);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(TestXml.Bytes($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Body/></s:Envelope>").ToArray()).ToArray();

        Assert.Same(SoapVersion.Soap12, EnvelopeReader.Read(bytes).Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body></s:Envelop>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><x:H>1</x:H></s:Header><s:Body/></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><h xmlns=\"urn:h\" a=\"1\" a=\"2\"/></s:Header><s:Body/></s:Envelope>")]
    public void Read_MalformedXml_ThrowsSoapParseException(string xml)
    {
        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(xml));

        Assert.StartsWith("The message is not well-formed XML: ", e.Message);
        Assert.IsType<XmlException>(e.InnerException);
    }

    [Fact]
    public void Read_DoctypeWithInternalEntity_IsRefusedAndNeverExpanded()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY secret \"EXPANDED-ENTITY\">]>" +
                  $"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Header><a:Action xmlns:a=\"{Ns.Wsa10}\">&secret;</a:Action></s:Header><s:Body/></s:Envelope>";

        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(xml));

        Assert.Contains("DTD", e.Message);
        Assert.DoesNotContain("EXPANDED-ENTITY", e.Message);
    }

    [Fact]
    public void Read_DoctypeWithExternalEntity_IsRefused()
    {
        var xml = "<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                  $"<s:Envelope xmlns:s=\"{Ns.Soap11}\"><s:Body><b xmlns=\"urn:b\">&x;</b></s:Body></s:Envelope>";

        Assert.Throws<SoapParseException>(() => TestXml.Read(xml));
    }

    [Fact]
    public void Read_EntityExpansionBomb_IsRefused()
    {
        var xml = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                  "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" +
                  $"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Body><b xmlns=\"urn:b\">&lol3;</b></s:Body></s:Envelope>";

        Assert.Throws<SoapParseException>(() => TestXml.Read(xml));
    }

    [Theory]
    [InlineData("<root/>")]
    [InlineData("<s:Fault xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>")]
    [InlineData("<wsrm:TerminateSequence xmlns:wsrm=\"http://docs.oasis-open.org/ws-rx/wsrm/200702\"><wsrm:Identifier>urn:x</wsrm:Identifier></wsrm:TerminateSequence>")]
    public void Read_RootIsNotAnEnvelope_ThrowsSoapParseException(string xml)
    {
        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(xml));

        Assert.Equal("The message is not a SOAP envelope.", e.Message);
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"/>")]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"><s:Header/></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"><s:Header><h xmlns=\"urn:h\"/></s:Header></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"><Body/></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"{0}\"><s:Header/><s:Other/></s:Envelope>")]
    public void Read_EnvelopeWithoutBody_ThrowsSoapParseException(string template)
    {
        var e = Assert.Throws<SoapParseException>(() => TestXml.Read(string.Format(template, Ns.Soap12)));

        Assert.Equal("The SOAP envelope has no Body.", e.Message);
    }

    [Theory]
    [InlineData("http://www.w3.org/2001/12/soap-envelope")]
    [InlineData("urn:not-soap")]
    [InlineData("")]
    public void Read_UnknownEnvelopeNamespace_ThrowsVersionMismatch(string ns)
    {
        var xml = ns.Length == 0 ? "<Envelope><Body/></Envelope>" : $"<s:Envelope xmlns:s=\"{ns}\"><s:Body/></s:Envelope>";

        var e = Assert.Throws<SoapVersionMismatchException>(() => TestXml.Read(xml));

        Assert.Equal(ns, e.EnvelopeNamespace);
        Assert.Contains("is not a SOAP 1.1 or SOAP 1.2 envelope namespace", e.Message);
    }

    [Theory]
    [InlineData(Ns.Soap12, "1.1")]
    [InlineData(Ns.Soap11, "1.2")]
    public void Read_TheOtherSoapVersionThanExpected_ThrowsVersionMismatchNamingBoth(string ns, string expectedName)
    {
        var expected = expectedName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var xml = $"<s:Envelope xmlns:s=\"{ns}\"><s:Body/></s:Envelope>";

        var e = Assert.Throws<SoapVersionMismatchException>(() => EnvelopeReader.Read(TestXml.Bytes(xml), null, expected));

        Assert.Equal(ns, e.EnvelopeNamespace);
        Assert.Same(expected, e.Expected);
        Assert.Contains(expected.MediaType, e.Message);
        Assert.Contains(expected.Namespace, e.Message);
    }

    [Theory]
    [InlineData(Ns.Soap11, "1.1")]
    [InlineData(Ns.Soap12, "1.2")]
    public void Read_TheExpectedSoapVersion_Reads(string ns, string expectedName)
    {
        var expected = expectedName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var message = EnvelopeReader.Read(TestXml.Bytes($"<s:Envelope xmlns:s=\"{ns}\"><s:Body/></s:Envelope>"), null, expected);

        Assert.Same(expected, message.Version);
    }

    [Fact]
    public void Read_HeaderAndBodyInTheOtherSoapNamespace_AreNotTakenForHeaderAndBody()
    {
        // A SOAP 1.1 envelope whose children are SOAP 1.2 elements has no (1.1) Body.
        var xml = $"<s:Envelope xmlns:s=\"{Ns.Soap11}\" xmlns:s12=\"{Ns.Soap12}\"><s12:Header/><s12:Body/></s:Envelope>";

        Assert.Throws<SoapParseException>(() => TestXml.Read(xml));
    }
}
