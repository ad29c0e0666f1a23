using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// The sequences check on the sample host, with sequences opened over the wire: Healthy below 90 % of
/// MaxPendingChannels, Degraded from 90 %, Unhealthy at the limit (when the next CreateSequence is refused); Degraded
/// while a client is at MaxSequencesPerClient.
/// </summary>
public sealed class SequenceLimitsHealthCheckTests
{
    [Fact]
    public async Task Healthy_Below90Percent_DegradedFrom90Percent_UnhealthyAtMaxPendingChannels()
    {
        await using var host = new EchoHost(("WsRm:MaxPendingChannels", "10"), ("WsRm:MaxSequencesPerClient", "10"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var sessions = new List<RmSession>();
        for (var i = 0; i < 8; i++) sessions.Add(await RmSession.CreateAsync(host.Wire, wire));

        var eight = await Health.CheckAsync(host.Services, Health.Sequences);
        Assert.Equal(HealthStatus.Healthy, eight.Status);
        Assert.Equal(8, eight.Data["sequences"]);
        Assert.Equal(10, eight.Data["maxPendingChannels"]);

        sessions.Add(await RmSession.CreateAsync(host.Wire, wire));
        var nine = await Health.CheckAsync(host.Services, Health.Sequences);
        Assert.Equal(HealthStatus.Degraded, nine.Status);
        Assert.Equal("9 of 10 sequences open: near MaxPendingChannels.", nine.Description);

        sessions.Add(await RmSession.CreateAsync(host.Wire, wire));
        var ten = await Health.CheckAsync(host.Services, Health.Sequences);
        Assert.Equal(HealthStatus.Unhealthy, ten.Status);
        Assert.Equal("10 sequences open: at MaxPendingChannels (10), new sequences are refused.", ten.Description);
        var refused = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId()));
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Status);
        var (status, json) = await Health.GetAsync(host);
        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", Health.Entry(json, Health.Sequences).GetProperty("status").GetString());

        (await sessions[0].TerminateAsync()).AssertOk();
        Assert.Equal(HealthStatus.Degraded, (await Health.CheckAsync(host.Services, Health.Sequences)).Status);
    }

    [Fact]
    public async Task AClientAtMaxSequencesPerClient_IsDegraded()
    {
        await using var host = new EchoHost(("WsRm:MaxSequencesPerClient", "2"));
        var wire = new Wire(RmSpec.Rm10, SoapSpec.Soap11);
        await RmSession.CreateAsync(host.Wire, wire);
        Assert.Equal(HealthStatus.Healthy, (await Health.CheckAsync(host.Services, Health.Sequences)).Status);

        await RmSession.CreateAsync(host.Wire, wire);

        var entry = await Health.CheckAsync(host.Services, Health.Sequences);
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("2 of 128 sequences open; a client is at MaxSequencesPerClient (2), its new sequences are refused.", entry.Description);
        Assert.Equal(2, entry.Data["busiestClientSequences"]);
    }

    [Fact]
    public async Task WithoutAddWsRmServer_IsUnhealthy_NamingIt()
    {
        await using var app = TestApp.Build(b => b.Services.AddHealthChecks().AddWsRm());
        await app.StartAsync().Within();

        var entry = await Health.CheckAsync(app.Services, Health.Sequences);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("AddWsRmServer", entry.Description);
    }
}
