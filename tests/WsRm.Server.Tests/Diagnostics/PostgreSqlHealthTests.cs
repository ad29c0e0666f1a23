using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// The store check on the sample host over PostgreSQL: the server stopped (pg_ctl stop) is Unhealthy with Npgsql's
/// reason; started again, Healthy at the next check. On a throwaway cluster of its own, which it stops and starts.
/// </summary>
public sealed class PostgreSqlHealthTests : IAsyncLifetime
{
    private PostgreSqlCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        await PostgreSqlServer.ExecuteAsync(_cluster.ConnectionString("postgres"), "CREATE DATABASE wsrm");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task ServerStopped_IsUnhealthy_ThenHealthyOnceItIsBack()
    {
        await using var host = new EchoHost(StoreUnderTest.OnCluster(_cluster, "wsrm"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/durable/echo");
        await session.EchoOkAsync(1, "stored");
        var healthy = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("PostgreSql", healthy.Data["provider"]);

        await _cluster.StopServerAsync();

        var down = await Health.CheckAsync(host.Services, Health.Store);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.False(string.IsNullOrEmpty(down.Description));
        Assert.NotNull(down.Exception);
        var (status, json) = await Health.GetAsync(host);
        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", Health.Entry(json, Health.Store).GetProperty("status").GetString());

        await _cluster.StartServerAsync();

        var back = await Health.CheckAsync(host.Services, Health.Store);
        Assert.True(back.Status == HealthStatus.Healthy, $"{back.Status}: {back.Description}");
        Assert.Equal(1, back.Data["sequences"]);
    }
}
