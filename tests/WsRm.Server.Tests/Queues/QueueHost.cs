using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;

namespace WsRm.Server.Tests.Queues;

/// <summary>An in-memory server with a queued <see cref="FlakyPostQueue"/> at <c>/queue</c> on a store under test, and a fake clock.</summary>
internal sealed class QueueHost : IAsyncDisposable
{
    private QueueHost(WebApplication app, FakeTimeProvider time, FlakyQueue queue)
    {
        App = app;
        Time = time;
        Queue = queue;
        Wire = new WireClient(app.GetTestClient());
    }

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public FlakyQueue Queue { get; }
    public WireClient Wire { get; }
    public IWsRmStore Store => App.Services.GetRequiredService<IWsRmStore>();

    public static async Task<QueueHost> StartAsync(StoreUnderTest store, Action<WsRmQueueOptions>? configure = null, FlakyQueue? queue = null,
        FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        queue ??= new FlakyQueue();
        var app = TestApp.Build(
            b =>
            {
                b.Services.AddSingleton<TimeProvider>(time);
                b.Services.AddSingleton(queue);
                b.Services.AddWsRmServer();
                store.AddTo(b.Services);
            },
            a =>
            {
                a.MapWsRmQueue<FlakyPostQueue>("/queue", configure);
                a.MapWsRmQueue<FlakyPostQueue>("/queue-unordered", o => { configure?.Invoke(o); o.Ordered = false; });
            });
        await app.StartAsync().Within();
        return new QueueHost(app, time, queue);
    }

    public async ValueTask DisposeAsync()
    {
        Queue.Open();
        await App.DisposeAsync();
    }
}
