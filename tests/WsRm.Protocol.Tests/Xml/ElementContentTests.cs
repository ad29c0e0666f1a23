using System.Xml;
using WsRm.Protocol.Tests.Infrastructure;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class ElementContentTests
{
    private static XmlReader Inside(string xml)
    {
        var reader = TestXml.ReaderOn(xml);
        reader.ReadStartElement();
        return reader;
    }

    [Theory]
    [InlineData("<p> <c/></p>")]
    [InlineData("<p><![CDATA[\t\r\n ]]><c/></p>")]
    [InlineData("<p><!-- x --><?pi?><c/></p>")]
    [InlineData("<p xml:space=\"preserve\">  <c/></p>")]
    public void MoveToNextChild_PassesOverWhiteSpaceToTheChild(string xml)
    {
        using var reader = Inside(xml);

        Assert.True(ElementContent.MoveToNextChild(reader, "p"));
        Assert.Equal("c", reader.LocalName);
    }

    [Theory]
    [InlineData("<p></p>")]
    [InlineData("<p> <![CDATA[ ]]> </p>")]
    public void MoveToNextChild_NoChild_StopsOnTheEndTag(string xml)
    {
        using var reader = Inside(xml);

        Assert.False(ElementContent.MoveToNextChild(reader, "p"));
        Assert.Equal(XmlNodeType.EndElement, reader.NodeType);
    }

    [Theory]
    [InlineData("<p>x<c/></p>")]
    [InlineData("<p><![CDATA[x]]></p>")]
    [InlineData("<p><![CDATA[\u00a0]]></p>")]
    [InlineData("<p>&#x2003;</p>")]
    public void MoveToNextChild_TextThatIsNotXmlWhiteSpace_Throws(string xml)
    {
        using var reader = Inside(xml);

        var e = Assert.Throws<SoapParseException>(() => ElementContent.MoveToNextChild(reader, "wsrm:P"));

        Assert.Equal("wsrm:P has unexpected text content.", e.Message);
    }

    [Fact]
    public void SkipWhiteSpace_StopsOnText()
    {
        using var reader = Inside("<p> <![CDATA[ ]]>text</p>");

        Assert.Equal(XmlNodeType.Text, ElementContent.SkipWhiteSpace(reader));
    }
}
