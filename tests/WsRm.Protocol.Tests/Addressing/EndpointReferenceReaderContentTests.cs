using WsRm.Protocol.Addressing;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Addressing;

/// <summary>Endpoint references as other stacks write them: indented, commented, with attributes and extensions.</summary>
public class EndpointReferenceReaderContentTests
{
    [Theory]
    [InlineData("\n\t\t\t\t")]
    [InlineData("<![CDATA[ \n ]]>")]
    [InlineData("<!-- c --><?pi?>")]
    public void Read_WhiteSpaceCdataCommentsBetweenChildren_AreSkipped(string filler)
    {
        var xml = $"<r:AcksTo xmlns:r=\"{Ns.Rm10}\" xmlns:a=\"{Ns.Wsa10}\" xmlns:x=\"urn:x\" x:a=\"1\">{filler}<a:Address x:b=\"2\">http://c</a:Address>{filler}" +
                  $"<a:ReferenceParameters><x:Id>7</x:Id></a:ReferenceParameters>{filler}<x:Ext/>{filler}</r:AcksTo>";
        using var reader = TestXml.ReaderOn(xml);

        var epr = EndpointReferenceReader.Read(reader, AddressingVersion.WsAddressing10);

        Assert.Equal("http://c", epr.Address);
        Assert.Contains("urn:x", epr.ReferenceParametersXml);
        Assert.True(reader.EOF);
    }

    [Fact]
    public void Read_TextBetweenChildren_StaysAnError()
    {
        using var reader = TestXml.ReaderOn($"<r:AcksTo xmlns:r=\"{Ns.Rm10}\" xmlns:a=\"{Ns.Wsa10}\"><a:Address>http://c</a:Address>junk</r:AcksTo>");

        var e = Assert.Throws<SoapParseException>(() => EndpointReferenceReader.Read(reader, AddressingVersion.WsAddressing10));

        Assert.Equal("AcksTo has unexpected text content.", e.Message);
    }
}
