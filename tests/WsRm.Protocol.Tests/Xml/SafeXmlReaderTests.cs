using System.Xml;
using WsRm.Protocol.Tests.Infrastructure;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class SafeXmlReaderTests
{
    [Fact]
    public void Create_SkipsCommentsProcessingInstructionsAndWhitespace()
    {
        using var reader = SafeXmlReader.Create(TestXml.Bytes("<?xml version=\"1.0\"?><!-- c --><r>\n  <?pi x?><!-- d --><c>text</c>\n</r>"));

        reader.MoveToContent();
        reader.ReadStartElement("r");

        Assert.Equal((XmlNodeType.Element, "c"), (reader.NodeType, reader.LocalName));
    }

    [Fact]
    public void Create_ProhibitsDtds()
    {
        using var reader = SafeXmlReader.Create(TestXml.Bytes("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>"));

        Assert.Throws<XmlException>(() => reader.MoveToContent());
    }

    [Fact]
    public void Create_ClosesTheStreamWithTheReader()
    {
        var reader = SafeXmlReader.Create(TestXml.Bytes("<r/>"));
        reader.Dispose();

        Assert.Equal(ReadState.Closed, reader.ReadState);
    }
}
