using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Requests the server must refuse without harm; after each one the open sequence still works.</summary>
public sealed class BadInputTests
{
    private const string BillionLaughs = """
        <!DOCTYPE s:Envelope [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """;

    [Theory, WireMatrix]
    public async Task MalformedXml_IsASenderFault(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var xml = Messages.Echo(session.Wire, session.To, session.Id, 1, "x").Build().Replace("</a:To>", "</a:Tox>", StringComparison.Ordinal);

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        FaultAssert.SoapFault(response, soap, "Sender", "Client");
        await session.EchoOkAsync(1, "after malformed");
    }

    [Theory]
    [WireMatrix]
    public async Task TruncatedEnvelope_IsRejectedBeforeTheSequenceAcceptsIt(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var whole = Messages.Echo(session.Wire, session.To, session.Id, 1, "cut short").Build();
        var truncated = whole[..whole.IndexOf("</text>", StringComparison.Ordinal)];

        var response = await host.Wire.SendAsync("/echo", soap, truncated, Ns.EchoAction);

        FaultAssert.SoapFault(response, soap, "Sender", "Client");
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "cut short");
    }

    [Theory, WireMatrix]
    public async Task DtdWithEntities_IsRefusedWithoutExpansion(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var xml = BillionLaughs + Messages.Echo(session.Wire, session.To, session.Id, 1, "PLACEHOLDER").Build().Replace("PLACEHOLDER", "&lol9;", StringComparison.Ordinal);

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        FaultAssert.SoapFault(response, soap, "Sender", "Client");
        Assert.DoesNotContain("lollol", response.Text, StringComparison.Ordinal);
        Assert.True(response.Text.Length < 4096, $"Fault of {response.Text.Length} characters.");
        Assert.Empty(await host.Wire.ReceivedAsync("lol"));
        await session.EchoOkAsync(1, "after dtd");
    }

    [Theory, WireMatrix]
    public async Task ExternalEntity_IsRefusedWithoutResolution(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var xml = "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + Messages.Echo(session.Wire, session.To, session.Id, 1, "PLACEHOLDER").Build().Replace("PLACEHOLDER", "&xxe;", StringComparison.Ordinal);

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        FaultAssert.SoapFault(response, soap, "Sender", "Client");
        Assert.Null(response.Xml!.Descendants(XName.Get("EchoResult", Ns.Samples)).FirstOrDefault());
        await session.EchoOkAsync(1, "after xxe");
    }

    [Theory, WireMatrix]
    public async Task BodyLargerThanMaxReceivedMessageSize_Is413(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        var big = Messages.Echo(session.Wire, session.To, session.Id, 1, new string('x', 65 * 1024)).Build();

        var response = await host.Wire.SendAsync("/echo", soap, big, Ns.EchoAction);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        await session.EchoOkAsync(1, "after big");
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task ChunkedBodyLargerThanMaxReceivedMessageSize_Is413(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, soap));
        var big = Encoding.UTF8.GetBytes(Messages.Echo(session.Wire, session.To, session.Id, 1, new string('x', 200 * 1024)).Build());
        var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new UnknownLengthContent(big) };
        request.Content.Headers.ContentType = WireClient.SoapContent(soap, "", Ns.EchoAction).Headers.ContentType;
        if (soap == SoapSpec.Soap11) request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{Ns.EchoAction}\"");

        var response = await host.Wire.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        await session.EchoOkAsync(1, "after chunked");
    }

    [Fact]
    public async Task MaxReceivedMessageSize_IsConfigurable()
    {
        await using var host = new EchoHost(("WsRm:MaxReceivedMessageSize", "2048"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));

        var response = await session.EchoAsync(1, new string('x', 3000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        await session.EchoOkAsync(1, "small");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData(null)]
    public async Task WrongContentType_Is415(string? contentType)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Messages.Echo(session.Wire, session.To, session.Id, 1, "x").Build()));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await host.Wire.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = content });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        await session.EchoOkAsync(1, "after 415");
    }

    [Theory]
    [InlineData("/echo")]
    [InlineData("/plain/echo")]
    public async Task Get_WithoutMetadata_Is405_AllowingPost(string path)
    {
        await using var host = new EchoHost(("WsRm:PublishMetadata", "false"));

        var response = await host.Wire.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["POST"], response.Allow);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));
        await session.EchoOkAsync(1, "after GET");
    }

    [Theory]
    [InlineData("/echo")]
    [InlineData("/plain/echo")]
    public async Task Put_WithMetadata_Is405_AllowingGetAndPost(string path)
    {
        await using var host = new EchoHost();

        var response = await host.Wire.SendAsync(new HttpRequestMessage(HttpMethod.Put, path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal(["GET", "POST"], response.Allow);
    }

    [Fact]
    public async Task UnknownEnvelopeNamespace_IsVersionMismatch()
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap11));
        var xml = Messages.Echo(session.Wire, session.To, session.Id, 1, "x").Build().Replace(Ns.Soap11, "urn:not-soap", StringComparison.Ordinal);

        var response = await host.Wire.SendAsync("/echo", SoapSpec.Soap11, xml, Ns.EchoAction);

        FaultAssert.SoapFault(response, SoapSpec.Soap11, "VersionMismatch", "VersionMismatch");
        await session.EchoOkAsync(1, "after mismatch");
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task EnvelopeWithoutBody_IsASenderFault(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm11, soap);
        var xml = $"<s:Envelope xmlns:s=\"{wire.SoapNs}\"><s:Header/></s:Envelope>";

        var response = await host.Wire.SendAsync("/echo", soap, xml, Ns.EchoAction);

        FaultAssert.SoapFault(response, soap, "Sender", "Client");
    }

    /// <summary>Content without a known length, so it is sent without Content-Length.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
