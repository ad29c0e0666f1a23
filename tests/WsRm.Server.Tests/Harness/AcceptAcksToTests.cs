using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// CreateSequenceResponse/Accept/AcksTo names this endpoint: WsRmServiceOptions.Address when set, otherwise the
/// request URL as the host sees it (scheme, host, PathBase, path; what UseForwardedHeaders put there when the app uses
/// it), never the request's wsa:To or anything else copied from the message.
/// </summary>
public sealed class AcceptAcksToTests
{
    private const string ElsewhereTo = "http://elsewhere.example/not-this-endpoint";

    private static string? AcksTo(WireResponse response, Wire wire) =>
        response.BodyElement?.Element(wire.RmName("Accept"))?.Element(wire.RmName("AcksTo"))?.Element(XName.Get("Address", wire.WsaNs))?.Value.Trim();

    private static async Task<WireResponse> CreateAsync(WireClient client, Wire wire, string path, string to,
        params (string Name, string Value)[] headers)
    {
        var envelope = Messages.CreateSequence(wire, to, Envelope.NewId());
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = WireClient.SoapContent(wire.Soap, envelope.Build(), envelope.Action) };
        if (wire.Soap == SoapSpec.Soap11) request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{envelope.Action}\"");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        response.AssertOk();
        return response;
    }

    [Theory, WireMatrix]
    public async Task A_retransmitted_CreateSequence_gets_the_same_own_address(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.CreateSequence(wire, ElsewhereTo, Envelope.NewId());

        var first = await host.Wire.SendAsync("/echo", request);
        var again = await host.Wire.SendAsync("/echo", request);

        Assert.Equal(host.Wire.Url("/echo"), AcksTo(first, wire));
        Assert.Equal(AcksTo(first, wire), AcksTo(again, wire));
        Assert.Equal(first.BodyElement!.Element(wire.RmName("Identifier"))?.Value, again.BodyElement!.Element(wire.RmName("Identifier"))?.Value);
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task The_PathBase_is_part_of_the_address_and_the_query_is_not(SoapSpec soap)
    {
        await using var host = await AddressingHost.StartAsync(pathBase: "/base");
        var wire = new Wire(RmSpec.Rm11, soap);

        var response = await CreateAsync(host.Wire, wire, "/base/echo?tenant=a", ElsewhereTo);

        Assert.Equal(host.Wire.Url("/base/echo"), AcksTo(response, wire));
    }

    [Theory, WireMatrix]
    public async Task Behind_UseForwardedHeaders_it_is_the_public_address_the_proxy_forwarded(RmSpec rm, SoapSpec soap)
    {
        // A WCF client addressing https://public.example.test/services/echo through a reverse proxy that says so.
        await using var host = await AddressingHost.StartAsync(forwardedHeaders: true);
        var wire = new Wire(rm, soap);
        const string publicAddress = "https://public.example.test/services/echo";

        var response = await CreateAsync(host.Wire, wire, "/echo", publicAddress,
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "public.example.test"), ("X-Forwarded-Prefix", "/services"));

        Assert.Equal(publicAddress, AcksTo(response, wire));
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task Without_UseForwardedHeaders_forwarded_headers_are_not_taken(SoapSpec soap)
    {
        await using var host = await AddressingHost.StartAsync(forwardedHeaders: false);
        var wire = new Wire(RmSpec.Rm11, soap);

        var response = await CreateAsync(host.Wire, wire, "/echo", "https://evil.example/echo",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example"));

        Assert.Equal(host.Wire.Url("/echo"), AcksTo(response, wire));
    }

    [Theory, WireMatrix]
    public async Task A_configured_Address_is_named_whatever_the_request_says(RmSpec rm, SoapSpec soap)
    {
        await using var host = await AddressingHost.StartAsync(forwardedHeaders: true);
        var wire = new Wire(rm, soap);

        var direct = await CreateAsync(host.Wire, wire, "/logical", host.Wire.Url("/logical"));
        var forwarded = await CreateAsync(host.Wire, wire, "/logical", ElsewhereTo, ("X-Forwarded-Host", "public.example.test"));

        Assert.Equal(AddressingHost.Logical, AcksTo(direct, wire));
        Assert.Equal(AddressingHost.Logical, AcksTo(forwarded, wire));
    }

    [Fact]
    public async Task A_relative_Address_fails_at_mapping_naming_it()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer());

        var error = Assert.Throws<ArgumentException>(() =>
            app.MapWsRmService<Dispatch.MultiContract.GreeterMeter>("/relative", o => o.Address = new Uri("/echo", UriKind.Relative)));

        Assert.Contains("WsRmServiceOptions.Address", error.Message);
        Assert.Contains("absolute", error.Message);
    }
}
