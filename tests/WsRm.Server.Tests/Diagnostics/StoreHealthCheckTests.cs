using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// The store check on the sample host over SQLite: a real round trip to the file, Unhealthy with SQLite's reason once
/// the file's folder is gone (pooled connections would still read the deleted file); durable sequences in the store
/// count against MaxPendingChannels; without a store, Healthy.
/// </summary>
public sealed class StoreHealthCheckTests
{
    [Fact]
    public async Task Sqlite_TheDatabasesFolderRemoved_IsUnhealthy_WithSqlitesReason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wsrm-health-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var host = new EchoHost(Path.Combine(folder, "wsrm.db"));
            var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/durable/echo");
            await session.EchoOkAsync(1, "stored");
            var healthy = await Health.CheckAsync(host.Services, Health.Store);
            Assert.Equal(HealthStatus.Healthy, healthy.Status);
            Assert.Equal("Sqlite", healthy.Data["provider"]);
            Assert.Equal(1, healthy.Data["sequences"]);

            Directory.Delete(folder, recursive: true);

            var failed = await Health.CheckAsync(host.Services, Health.Store);
            Assert.Equal(HealthStatus.Unhealthy, failed.Status);
            Assert.IsType<StoreUnavailableException>(failed.Exception);
            Assert.Contains("unable to open database file", failed.Description);
            var (status, json) = await Health.GetAsync(host);
            Assert.Equal(503, status);
            var entry = Health.Entry(json, Health.Store);
            Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
            Assert.Contains("unable to open database file", entry.GetProperty("error").GetString());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DurableSequencesInTheStore_CountAgainstMaxPendingChannels()
    {
        await using var host = new EchoHost(("WsRm:MaxPendingChannels", "2"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap11);
        await RmSession.CreateAsync(host.Wire, wire, "/durable/echo");
        Assert.Equal(HealthStatus.Healthy, (await Health.CheckAsync(host.Services, Health.Store)).Status);

        await RmSession.CreateAsync(host.Wire, wire, "/durable/echo");

        var entry = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("2 sequences stored: at MaxPendingChannels (2), new durable sequences are refused.", entry.Description);
        Assert.Equal(2, entry.Data["sequences"]);
    }

    [Fact]
    public async Task ATargetQueue_IsDegradedNearMaxQueueLength_AndUnhealthyAtIt()
    {
        await using var host = new EchoHost(("WsRm:Endpoints:/queue/post:MaxQueueLength", "10"), ("WsRm:MaxTransferWindowSize", "32"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue/post");
        // Behind the gap at 1 (an ordered queue): taken into the queue, not yet processed.
        for (ulong n = 2; n <= 9; n++) (await session.PostAsync(n, $"queued-{n}")).AssertOk();
        var healthy = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("8 of 10", healthy.Data["queue /queue/post"]);

        (await session.PostAsync(10, "queued-10")).AssertOk();
        var near = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Degraded, near.Status);
        Assert.Equal("The target queue of /queue/post holds 9 of 10: near MaxQueueLength.", near.Description);

        (await session.PostAsync(11, "queued-11")).AssertOk();
        var full = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Equal("The target queue of /queue/post holds 10: at MaxQueueLength (10), new messages are not taken.", full.Description);
    }

    [Fact]
    public async Task WithoutAStore_IsHealthy_SayingSequencesLiveInMemory()
    {
        await using var app = TestApp.Build(b =>
        {
            b.Services.AddWsRmServer();
            b.Services.AddHealthChecks().AddWsRm();
        });
        await app.StartAsync().Within();

        var entry = await Health.CheckAsync(app.Services, Health.Store);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("none", entry.Data["provider"]);
    }
}
