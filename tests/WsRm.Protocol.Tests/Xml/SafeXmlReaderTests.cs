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

    [Fact]
    public void Dispose_GivesTheNameTableBackForTheNextReader()
    {
        XmlNameTable first;
        using (var reader = SafeXmlReader.Create(TestXml.Bytes("<r/>"))) first = reader.NameTable;
        using var next = SafeXmlReader.Create(TestXml.Bytes("<r/>"));

        Assert.Same(first, next.NameTable);
    }

    [Fact]
    public void Create_WhileAnotherReaderIsOpen_UsesAnotherNameTable()
    {
        using var open = SafeXmlReader.Create(TestXml.Bytes("<r/>"));
        using var other = SafeXmlReader.Create(TestXml.Bytes("<r/>"));

        Assert.NotSame(open.NameTable, other.NameTable);
    }

    [Fact]
    public void Create_OverMalformedXml_StillGivesTheNameTableBack()
    {
        XmlNameTable first;
        using (var reader = SafeXmlReader.Create(TestXml.Bytes("<r><x></r>")))
        {
            first = reader.NameTable;
            Assert.Throws<XmlException>(() => { while (reader.Read()) { } });
        }
        using var next = SafeXmlReader.Create(TestXml.Bytes("<r/>"));

        Assert.Same(first, next.NameTable);
    }
}
