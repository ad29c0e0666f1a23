using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Server.Tests.Dispatch;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Metadata;

/// <summary>GET on an endpoint: ?wsdl, ?singleWsdl and ?xsd=xsdN when it publishes metadata, 405 when it does not.</summary>
public sealed class MetadataEndpointTests
{
    private static readonly XNamespace Wsdl = MetadataAssert.Wsdl;
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Wsp = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    [Fact]
    public async Task Metadata_is_off_by_default_and_get_stays_405()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(), a => a.MapSoapService<EchoService>("/svc"));
        await app.StartAsync().Within();

        HttpResponseMessage response = await app.GetTestClient().GetAsync("/svc?wsdl").Within();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task The_server_option_serves_wsdl_xsd_and_single_wsdl_and_an_endpoint_may_turn_it_off()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o => o.PublishMetadata = true), a =>
        {
            a.MapSoapService<EchoService>("/svc");
            a.MapSoapService<EchoService>("/quiet", o => o.PublishMetadata = false);
        });
        await app.StartAsync().Within();
        HttpClient http = app.GetTestClient();

        HttpResponseMessage wsdl = await http.GetAsync("/svc?wsdl").Within();
        Assert.Equal(HttpStatusCode.OK, wsdl.StatusCode);
        Assert.Equal("text/xml", wsdl.Content.Headers.ContentType?.MediaType);
        XElement definitions = XDocument.Parse(await wsdl.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("http://localhost/svc", (string?)definitions.Descendants(Soap + "address").First().Attribute("location"));
        Assert.Equal("http://localhost/svc?xsd=xsd0", (string?)definitions.Descendants(MetadataAssert.Xsd + "import").First().Attribute("schemaLocation"));

        XElement schema = XDocument.Parse(await http.GetStringAsync("/svc?xsd=xsd0").Within()).Root!;
        Assert.Equal("urn:wsrm:samples", (string?)schema.Attribute("targetNamespace"));
        XElement single = XDocument.Parse(await http.GetStringAsync("/svc?singleWsdl").Within()).Root!;
        Assert.Contains(single.Element(Wsdl + "types")!.Elements(MetadataAssert.Xsd + "schema"), s => (string?)s.Attribute("targetNamespace") == "urn:wsrm:samples");

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/svc?xsd=xsd99").Within()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/svc?xsd=other").Within()).StatusCode);
        Assert.Contains("/svc?wsdl", await http.GetStringAsync("/svc").Within());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync("/quiet?wsdl").Within()).StatusCode);
    }

    [Fact]
    public async Task Addresses_come_from_the_request_after_forwarded_headers_and_path_base()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o => o.PublishMetadata = true), a =>
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            a.UseForwardedHeaders(forwarded);
            a.UsePathBase("/base");
            a.MapWsRmService<EchoService>("/svc");
        });
        await app.StartAsync().Within();
        var request = new HttpRequestMessage(HttpMethod.Get, "/base/svc?wsdl");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "partner.example");

        HttpResponseMessage response = await app.GetTestClient().SendAsync(request).Within();

        XElement definitions = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.All(definitions.Descendants(Soap + "address"), a => Assert.Equal("https://partner.example/base/svc", (string?)a.Attribute("location")));
        Assert.StartsWith("https://partner.example/base/svc?xsd=xsd",
            (string?)definitions.Descendants(MetadataAssert.Xsd + "import").First().Attribute("schemaLocation"));
    }

    [Fact]
    public async Task The_sample_hosts_reliable_durable_and_queued_endpoints_carry_the_ws_rm_policy_and_the_plain_one_none()
    {
        await using var host = new EchoHost();
        HttpClient http = host.CreateClient();

        foreach (string path in new[] { "/echo", "/durable/echo", "/queue/post" })
        {
            XElement definitions = XDocument.Parse(await http.GetStringAsync(path + "?wsdl").Within()).Root!;
            Assert.NotEmpty(definitions.Descendants(XName.Get("RMAssertion", "http://docs.oasis-open.org/ws-rx/wsrmp/200702")));
            Assert.NotEmpty(definitions.Descendants(XName.Get("RMAssertion", "http://schemas.xmlsoap.org/ws/2005/02/rm/policy")));
            Assert.All(definitions.Elements(Wsdl + "binding"), b => Assert.NotNull(b.Element(Wsp + "PolicyReference")));
        }

        XElement plain = XDocument.Parse(await http.GetStringAsync("/plain/echo?wsdl").Within()).Root!;
        Assert.Empty(plain.Descendants(Wsp + "Policy"));
    }

    [Fact]
    public async Task Several_contracts_at_one_address_each_get_a_port_type_and_two_bindings()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o => o.PublishMetadata = true),
            a => a.MapWsRmService<MultiContract.GreeterMeter>("/multi"));
        await app.StartAsync().Within();

        XElement definitions = XDocument.Parse(await app.GetTestClient().GetStringAsync("/multi?wsdl").Within()).Root!;

        Assert.Equal(["IGreeter", "IMeter"], definitions.Elements(Wsdl + "portType").Select(p => (string)p.Attribute("name")!));
        Assert.Equal(4, definitions.Elements(Wsdl + "binding").Count());
        Assert.Equal(4, definitions.Element(Wsdl + "service")!.Elements(Wsdl + "port").Count());
    }

    [Fact]
    public async Task Contracts_of_two_namespaces_are_served_as_wsdl_with_an_imported_wsdl_and_single_wsdl_is_501()
    {
        await using var app = TestApp.Build(b => b.Services.AddWsRmServer(o => o.PublishMetadata = true),
            a => a.MapSoapService<TwoNamespaces>("/two"));
        await app.StartAsync().Within();
        HttpClient http = app.GetTestClient();

        XElement main = XDocument.Parse(await http.GetStringAsync("/two?wsdl").Within()).Root!;
        Assert.Equal("http://localhost/two?wsdl=wsdl0", (string?)main.Element(Wsdl + "import")!.Attribute("location"));
        XElement imported = XDocument.Parse(await http.GetStringAsync("/two?wsdl=wsdl0").Within()).Root!;
        Assert.Equal("urn:wsrm:tests:second", (string?)imported.Attribute("targetNamespace"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/two?wsdl=wsdl1").Within()).StatusCode);
        HttpResponseMessage single = await http.GetAsync("/two?singleWsdl").Within();
        Assert.Equal(HttpStatusCode.NotImplemented, single.StatusCode);
        Assert.Contains("urn:wsrm:tests:second", await single.Content.ReadAsStringAsync());
    }
}
