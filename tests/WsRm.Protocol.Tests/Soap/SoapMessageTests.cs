using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

public class SoapMessageTests
{
    [Theory]
    [InlineData(Ns.Soap11)]
    [InlineData(Ns.Soap12)]
    public void CreateBodyReader_IsOnTheFirstBodyChild_AfterSkippingTheHeader(string soapNs)
    {
        var headers = $"<a:Action xmlns:a=\"{Ns.Wsa10}\">urn:ping</a:Action><x:Deep xmlns:x=\"urn:x\"><x:Ping/><x:Body/></x:Deep>";
        var message = TestXml.Read(TestXml.Envelope(soapNs, headers, "<!-- c --><p:Ping xmlns:p=\"urn:p\"><p:Text>hi</p:Text></p:Ping><p:Second xmlns:p=\"urn:p\"/>"));

        using var body = message.CreateBodyReader();

        Assert.Equal((XmlNodeType.Element, "Ping", "urn:p"), (body.NodeType, body.LocalName, body.NamespaceURI));
        body.ReadStartElement("Ping", "urn:p");
        Assert.Equal("hi", body.ReadElementContentAsString("Text", "urn:p"));
        body.ReadEndElement();
        Assert.Equal("Second", body.LocalName);
    }

    [Fact]
    public void CreateBodyReader_CanBeCreatedMoreThanOnce()
    {
        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, "", "<p:Ping xmlns:p=\"urn:p\">1</p:Ping>"));

        using (var first = message.CreateBodyReader()) Assert.Equal("1", first.ReadElementContentAsString());
        using var second = message.CreateBodyReader();

        Assert.Equal("1", second.ReadElementContentAsString());
    }

    [Fact]
    public void CreateBodyReader_WithoutHeader_IsOnTheFirstBodyChild()
    {
        var message = TestXml.Read($"<s:Envelope xmlns:s=\"{Ns.Soap11}\"><s:Body><b xmlns=\"urn:b\"/></s:Body></s:Envelope>");

        using var body = message.CreateBodyReader();

        Assert.Equal(("b", "urn:b"), (body.LocalName, body.NamespaceURI));
    }

    [Fact]
    public void CreateBodyReader_EmptyBodyWithEndTag_IsOnTheBodyEndTag()
    {
        var message = TestXml.Read($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Header/><s:Body>\n  </s:Body></s:Envelope>");

        using var body = message.CreateBodyReader();

        Assert.Equal((XmlNodeType.EndElement, "Body", Ns.Soap12), (body.NodeType, body.LocalName, body.NamespaceURI));
    }

    [Fact]
    public void CreateBodyReader_SelfClosingBody_IsLeftOnTheEmptyBodyElement()
    {
        var message = TestXml.Read($"<s:Envelope xmlns:s=\"{Ns.Soap12}\"><s:Header/><s:Body/></s:Envelope>");

        using var body = message.CreateBodyReader();

        // No end tag exists for <Body/>: the reader stays on Body itself, which is empty.
        Assert.Equal((XmlNodeType.Element, "Body", Ns.Soap12, true), (body.NodeType, body.LocalName, body.NamespaceURI, body.IsEmptyElement));
    }

    [Fact]
    public void CreateBodyReader_FeedsRmBodyReader()
    {
        var body = $"<r:TerminateSequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:LastMsgNumber>4</r:LastMsgNumber></r:TerminateSequence>";
        var message = TestXml.Read(TestXml.Envelope(Ns.Soap12, "", body));

        using var reader = message.CreateBodyReader();
        var control = RmBodyReader.ReadSequenceControl(reader, RmVersion.Rm11, SequenceControlKind.TerminateSequence);

        Assert.Equal(new SequenceControl(SequenceControlKind.TerminateSequence, "urn:s", 4), control);
        Assert.Equal((XmlNodeType.EndElement, "Body"), (reader.NodeType, reader.LocalName));
    }
}
