using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;
using WsRm.Testing;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// The done marks of one-way messages commit while delivery goes on (DoneMarks); when the database goes away with marks
/// in flight, the session leaves memory and, once the database is back, is read again and the messages whose marks did
/// not commit are delivered again: at least once, nothing lost, the store empty at the end. A cluster of its own,
/// stopped and started with pg_ctl.
/// </summary>
public sealed class PostgreSqlDoneMarkOutageTests : IAsyncLifetime
{
    private const int Messages = 64;
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
    public async Task Marks_lost_with_the_database_are_delivered_again_once_it_is_back_and_nothing_is_lost()
    {
        var posted = new GatedPostedTexts("out-010");
        await using var host = new EchoHost(StoreUnderTest.OnCluster(_cluster, "wsrm"),
            ("Samples:PostedTexts", "Memory"), ("WsRm:MaxTransferWindowSize", $"{Messages}"))
        {
            ExtraServices = s => s.AddSingleton<IPostedTexts>(posted),
        };
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/durable/echo");

        // 2..64 buffered behind the gap, then 1: one run of the delivery loop, blocked in the call for message 10.
        await Task.WhenAll(Enumerable.Range(2, Messages - 1).Select(n => session.PostAsync((ulong)n, $"out-{n:D3}")));
        (await session.PostAsync(1, "out-001")).AssertOk();
        await posted.Blocked.Task.WaitAsync(TimeSpan.FromMinutes(1));

        await _cluster.StopServerAsync();
        posted.Open(); // message 10 finishes; its mark, and those after it, cannot commit
        await Eventually.TrueAsync(async () => (await session.AckRequestedAsync()).Status == System.Net.HttpStatusCode.ServiceUnavailable, "the store's failure answered with 503");

        await _cluster.StartServerAsync();
        // The next message about the sequence reads it again; what was not marked done is delivered again.
        await Eventually.TrueAsync(async () =>
        {
            await session.AckRequestedAsync();
            return Expected().All(t => posted.Count(t) >= 1);
        }, "every message delivered after the database came back", TimeSpan.FromMinutes(2));

        var texts = posted.StartingWith("out-");
        Assert.Equal(Expected(), texts.Distinct().ToArray()); // first runs in order
        Assert.All(Expected(), t => Assert.InRange(posted.Count(t), 1, 2));
        var store = host.Services.GetRequiredService<IWsRmStore>();
        await Eventually.TrueAsync(async () => (await store.ReadMessagesAsync(session.Id)).Count == 0, "every done mark committed");
    }

    private static string[] Expected() => [.. Enumerable.Range(1, Messages).Select(n => $"out-{n:D3}")];
}
