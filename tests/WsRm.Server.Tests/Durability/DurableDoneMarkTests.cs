using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;
using WsRm.Testing;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// Durable sessions whose service writes nothing to the store (the sample host with <c>Samples:PostedTexts=Memory</c>):
/// the done mark of a one-way message commits while the delivery loop goes on to the next. Each message still runs
/// exactly once, in order, also when the host stops with deliveries under way and starts again on the same store. On
/// SQLite and PostgreSQL (one subclass each).
/// </summary>
public abstract class DurableDoneMarkTests : IAsyncLifetime
{
    private const string Path = "/durable/echo";
    private const int Messages = 64;
    private static readonly (string, string)[] Settings =
        [("Samples:PostedTexts", "Memory"), ("WsRm:MaxTransferWindowSize", $"{Messages}")];

    private StoreUnderTest _database = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _database = await CreateStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_burst_of_one_way_messages_runs_each_once_in_order_and_leaves_nothing_in_the_store()
    {
        var posted = new PostedTexts();
        await using var host = new EchoHost(_database, Settings) { ExtraServices = s => s.AddSingleton<IPostedTexts>(posted) };
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), Path);

        await PostBurstAsync(session, "burst-");

        await Eventually.TrueAsync(() => posted.StartingWith("burst-").Length == Messages, "all messages delivered");
        Assert.Equal(Expected("burst-"), posted.StartingWith("burst-"));
        var store = host.Services.GetRequiredService<IWsRmStore>();
        await Eventually.TrueAsync(async () => (await store.ReadMessagesAsync(session.Id)).Count == 0, "every done mark committed");
    }

    [Fact]
    public async Task A_host_that_stops_during_a_service_call_marks_it_done_before_the_store_closes_and_runs_nothing_twice()
    {
        // One list for both hosts: what either ran, in the order it ran. The call for message 10 is still running when
        // the first host begins to stop.
        var posted = new GatedPostedTexts("stop-010");
        string id;
        var before = new EchoHost(_database, Settings) { ExtraServices = s => s.AddSingleton<IPostedTexts>(posted) };
        try
        {
            var session = await RmSession.CreateAsync(before.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), Path);
            id = session.Id;
            await PostBurstAsync(session, "stop-");
            await posted.Blocked.Task.WaitAsync(TimeSpan.FromMinutes(1));

            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            before.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            var stopped = before.DisposeAsync().AsTask();
            await stopping.Task.WaitAsync(TimeSpan.FromMinutes(1));
            posted.Open();
            await stopped.WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            posted.Open();
            await before.DisposeAsync();
        }
        // The first host ran 1..10 and stopped: it took no message after the one it was running.
        Assert.Equal(Expected("stop-")[..10], posted.StartingWith("stop-"));

        await using var after = new EchoHost(_database, Settings) { ExtraServices = s => s.AddSingleton<IPostedTexts>(posted) };
        _ = after.Wire; // starts the host: recovery delivers what the first host left
        await Eventually.TrueAsync(() => posted.StartingWith("stop-").Length >= Messages, "the rest delivered after the restart");
        Assert.Equal(Expected("stop-"), posted.StartingWith("stop-"));
        var store = after.Services.GetRequiredService<IWsRmStore>();
        await Eventually.TrueAsync(async () => (await store.ReadMessagesAsync(id)).Count == 0, "every done mark committed");
    }

    // Messages 2..N first (acknowledged and buffered behind the gap), then 1: the loop delivers all N in one run, so
    // many done marks are in flight together.
    private static async Task PostBurstAsync(RmSession session, string prefix)
    {
        await Task.WhenAll(Enumerable.Range(2, Messages - 1).Select(n => session.PostAsync((ulong)n, $"{prefix}{n:D3}")));
        (await session.PostAsync(1, $"{prefix}001")).AssertOk();
    }

    private static string[] Expected(string prefix) => [.. Enumerable.Range(1, Messages).Select(n => $"{prefix}{n:D3}")];
}
