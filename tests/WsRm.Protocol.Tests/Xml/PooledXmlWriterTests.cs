using System.Text;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class PooledXmlWriterTests
{
    private static string Render(PooledXmlWriter writer) => Encoding.UTF8.GetString(writer.ToArray());

    [Fact]
    public void Rent_AfterReturn_ReusesTheWriterWithAnEmptyBuffer()
    {
        var first = PooledXmlWriter.Rent(null);
        first.Writer.WriteElementString("a", "urn:a", "1");
        first.Complete();
        Assert.Equal("<a xmlns=\"urn:a\">1</a>", Render(first));
        first.Return();

        var second = PooledXmlWriter.Rent(null);
        second.Writer.WriteElementString("b", "2");
        second.Complete();

        Assert.Same(first, second);
        Assert.Equal("<b>2</b>", Render(second));
        second.Return();
    }

    [Fact]
    public void Rent_WhileLent_GivesAnotherWriter()
    {
        var first = PooledXmlWriter.Rent(null);
        var second = PooledXmlWriter.Rent(null);

        Assert.NotSame(first, second);
        first.Return();
        second.Return();
    }

    [Fact]
    public void Complete_ClosesTheElementsLeftOpen()
    {
        var writer = PooledXmlWriter.Rent(null);
        writer.Writer.WriteStartElement("a");
        writer.Writer.WriteStartElement("b");

        writer.Complete();

        Assert.Equal("<a><b/></a>", Render(writer));
        writer.Return();
    }

    [Theory]
    [InlineData("x\u0001y")]
    [InlineData("x\0")]
    [InlineData("\uFFFE")]
    public void CharactersXmlCannotCarry_Throw(string value)
    {
        var writer = PooledXmlWriter.Rent(null);
        writer.Writer.WriteStartElement("a");

        Assert.Throws<ArgumentException>(() => writer.Writer.WriteString(value));
    }

    [Fact]
    public void LoneSurrogate_Throws()
    {
        var writer = PooledXmlWriter.Rent(null);
        writer.Writer.WriteStartElement("a");

        Assert.Throws<ArgumentException>(() => writer.Writer.WriteString(new string((char)0xD800, 1) + "x"));
    }

    [Fact]
    public void NewLinesInText_AreWrittenAsXmlWriterCreateWritesThem()
    {
        var writer = PooledXmlWriter.Rent(null);
        writer.Writer.WriteStartElement("a");
        writer.Writer.WriteAttributeString("v", "1\r\n2");
        writer.Writer.WriteString("1\r\n2\r3");
        writer.Complete();

        Assert.Equal($"<a v=\"1&#xD;&#xA;2\">1{Environment.NewLine}2{Environment.NewLine}3</a>", Render(writer));
        writer.Return();
    }

    [Fact]
    public void Rent_WithAStream_WritesToItAndTheWriterLetsGoOfItOnReturn()
    {
        using var stream = new MemoryStream();
        var writer = PooledXmlWriter.Rent(stream);
        writer.Writer.WriteElementString("a", "1");
        writer.Complete();
        writer.Return();
        Assert.Equal("<a>1</a>", Encoding.UTF8.GetString(stream.ToArray()));
        stream.Dispose();

        var again = PooledXmlWriter.Rent(null);
        again.Writer.WriteElementString("b", "2");
        again.Complete();

        Assert.Equal("<b>2</b>", Render(again));
        again.Return();
    }
}
