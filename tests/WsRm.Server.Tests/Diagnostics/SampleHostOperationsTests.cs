using System.Net;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// The sample host's operations endpoints: <c>/health</c> answers JSON listing each check; <c>/metrics</c> (Prometheus,
/// behind <c>Samples:Metrics:Prometheus</c>) lists WsRm's instruments once they have measured something.
/// </summary>
public sealed class SampleHostOperationsTests
{
    [Fact]
    public async Task Health_AnswersJson_ListingEachCheck()
    {
        await using var host = new EchoHost();
        await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));

        var (status, json) = await Health.GetAsync(host);

        Assert.Equal(200, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal([Health.Sequences, Health.Store], json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var sequences = Health.Entry(json, Health.Sequences);
        Assert.Equal("Healthy", sequences.GetProperty("status").GetString());
        Assert.Equal(1, sequences.GetProperty("data").GetProperty("sequences").GetInt32());
        Assert.Equal(128, sequences.GetProperty("data").GetProperty("maxPendingChannels").GetInt32());
        Assert.Equal("Sqlite", Health.Entry(json, Health.Store).GetProperty("data").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Metrics_AfterReliableCalls_ListWsRmInstruments_InPrometheusFormat()
    {
        await using var host = new EchoHost(("Samples:Metrics:Prometheus", "true"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await (await RmSession.CreateAsync(host.Wire, wire)).EchoOkAsync(1, "in memory");
        await (await RmSession.CreateAsync(host.Wire, wire, "/durable/echo")).EchoOkAsync(1, "stored");

        using var client = host.CreateClient();
        using var response = await client.GetAsync("/metrics").Within();
        var text = await response.Content.ReadAsStringAsync().Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        foreach (var name in new[] { "wsrm_sequences_created_total", "wsrm_sequences_active", "wsrm_messages_delivered_total", "wsrm_store_commits_total" })
            Assert.Matches($"(?m)^{name}{{[^}}]*otel_scope_name=\"WsRm\\.(Server|Storage)\"[^}}]*}} [1-9]", text);
    }

    [Fact]
    public async Task Metrics_AreOff_ByDefault()
    {
        await using var host = new EchoHost();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/metrics").Within();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
