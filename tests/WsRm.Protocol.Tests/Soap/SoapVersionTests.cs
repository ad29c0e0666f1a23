using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

public class SoapVersionTests
{
    [Fact]
    public void Versions_HaveTheSpecNamespacesMediaTypesAndCodes()
    {
        Assert.Equal(("1.1", Ns.Soap11, "text/xml", "Client", "Server", "1"),
            (SoapVersion.Soap11.Name, SoapVersion.Soap11.Namespace, SoapVersion.Soap11.MediaType, SoapVersion.Soap11.SenderCode, SoapVersion.Soap11.ReceiverCode, SoapVersion.Soap11.MustUnderstandTrue));
        Assert.Equal(("1.2", Ns.Soap12, "application/soap+xml", "Sender", "Receiver", "true"),
            (SoapVersion.Soap12.Name, SoapVersion.Soap12.Namespace, SoapVersion.Soap12.MediaType, SoapVersion.Soap12.SenderCode, SoapVersion.Soap12.ReceiverCode, SoapVersion.Soap12.MustUnderstandTrue));
        Assert.Equal("SOAP 1.2", SoapVersion.Soap12.ToString());
    }

    [Theory]
    [InlineData("text/xml", "1.1")]
    [InlineData("text/xml; charset=utf-8", "1.1")]
    [InlineData("TEXT/XML;charset=UTF-8", "1.1")]
    [InlineData("  text/xml  ; charset=utf-8", "1.1")]
    [InlineData("application/soap+xml", "1.2")]
    [InlineData("application/soap+xml; charset=utf-8; action=\"http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence\"", "1.2")]
    [InlineData("Application/SOAP+XML; action=\"urn:a;b\"", "1.2")]
    public void FromContentType_ReadsTheMediaTypeOnly_CaseInsensitive(string contentType, string expected)
    {
        Assert.Equal(expected, SoapVersion.FromContentType(contentType)?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/xml")]
    [InlineData("text/xmlx")]
    [InlineData("multipart/related; type=\"application/xop+xml\"")]
    [InlineData("text/plain; x=text/xml")]
    public void FromContentType_OtherMediaTypes_AreNull(string? contentType)
    {
        Assert.Null(SoapVersion.FromContentType(contentType));
    }

    [Fact]
    public void ContentType_Soap12_CarriesTheActionParameter()
    {
        Assert.Equal("application/soap+xml; charset=utf-8; action=\"urn:ping\"", SoapVersion.Soap12.ContentType("urn:ping"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ContentType_Soap12_WithoutAction_HasNoActionParameter(string? action)
    {
        Assert.Equal("application/soap+xml; charset=utf-8", SoapVersion.Soap12.ContentType(action));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("urn:ping")]
    public void ContentType_Soap11_NeverCarriesTheAction(string? action)
    {
        // SOAP 1.1 puts the action in the SOAPAction header instead.
        Assert.Equal("text/xml; charset=utf-8", SoapVersion.Soap11.ContentType(action));
    }

    [Fact]
    public void ContentType_RoundTripsThroughFromContentType()
    {
        Assert.Same(SoapVersion.Soap12, SoapVersion.FromContentType(SoapVersion.Soap12.ContentType("urn:x")));
        Assert.Same(SoapVersion.Soap11, SoapVersion.FromContentType(SoapVersion.Soap11.ContentType("urn:x")));
    }

    [Theory]
    [InlineData(Ns.Soap11, "1.1")]
    [InlineData(Ns.Soap12, "1.2")]
    [InlineData("http://www.w3.org/2003/05/soap-envelope/", null)]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope", null)]
    [InlineData("", null)]
    public void FromNamespace_MatchesExactly(string ns, string? expected)
    {
        Assert.Equal(expected, SoapVersion.FromNamespace(ns)?.Name);
    }
}
