using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Addressing;

public class EndpointReferenceReaderTests
{
    private static EndpointReference Read(string xml, AddressingVersion wsa)
    {
        using var reader = TestXml.ReaderOn(xml);
        var epr = EndpointReferenceReader.Read(reader, wsa);
        Assert.True(reader.EOF);
        return epr;
    }

    [Fact]
    public void Read_AddressIsTrimmed()
    {
        var epr = Read($"<a:ReplyTo xmlns:a=\"{Ns.Wsa10}\"><a:Address>\n   http://client/a  \n</a:Address></a:ReplyTo>", AddressingVersion.WsAddressing10);

        Assert.Equal(new EndpointReference("http://client/a"), epr);
    }

    [Fact]
    public void Read_AddressInDefaultNamespace_AsSandesha1WritesIt()
    {
        var epr = Read($"<wsa:From xmlns:wsa=\"{Ns.Wsa200408}\"><Address xmlns=\"{Ns.Wsa200408}\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</Address></wsa:From>",
            AddressingVersion.WsAddressing200408);

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", epr.Address);
    }

    [Fact]
    public void Read_Wsa200408ReferenceProperties_AreKept()
    {
        var epr = Read($"<wsa:ReplyTo xmlns:wsa=\"{Ns.Wsa200408}\"><wsa:Address>http://x</wsa:Address><wsa:ReferenceProperties><ns2:dummyReply xmlns:ns2=\"http://tempuri.org/\"/></wsa:ReferenceProperties></wsa:ReplyTo>",
            AddressingVersion.WsAddressing200408);

        Assert.Equal(XName.Get("dummyReply", "http://tempuri.org/"), XElement.Parse(epr.ReferenceParametersXml!).Name);
    }

    [Fact]
    public void Read_MetadataAndExtensions_AreSkipped()
    {
        var epr = Read($"<a:EndpointReference xmlns:a=\"{Ns.Wsa10}\"><a:Metadata><m xmlns=\"urn:m\"/></a:Metadata><a:Address>http://x</a:Address><e xmlns=\"urn:e\">1</e></a:EndpointReference>",
            AddressingVersion.WsAddressing10);

        Assert.Equal(new EndpointReference("http://x"), epr);
    }

    [Theory]
    [InlineData("<a:ReplyTo xmlns:a=\"http://www.w3.org/2005/08/addressing\"/>")]
    [InlineData("<a:ReplyTo xmlns:a=\"http://www.w3.org/2005/08/addressing\"></a:ReplyTo>")]
    [InlineData("<a:ReplyTo xmlns:a=\"http://www.w3.org/2005/08/addressing\"><a:Address/></a:ReplyTo>")]
    [InlineData("<a:ReplyTo xmlns:a=\"http://www.w3.org/2005/08/addressing\"><b:Address xmlns:b=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">http://x</b:Address></a:ReplyTo>")]
    public void Read_NoAddressInTheVersionNamespace_Throws(string xml)
    {
        using var reader = TestXml.ReaderOn(xml);

        var e = Assert.Throws<SoapParseException>(() => EndpointReferenceReader.Read(reader, AddressingVersion.WsAddressing10));

        Assert.Equal("ReplyTo has no wsa:Address.", e.Message);
    }
}
