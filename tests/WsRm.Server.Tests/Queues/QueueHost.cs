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

    /// <summary>Sends <c>IPostQueue.Post(text)</c> as message <paramref name="number"/> of <paramref name="session"/>.</summary>
    public static Task<WireResponse> PostAsync(RmSession session, ulong number, string text) =>
        session.SendAsync(Messages.Application(session.Wire, session.To, "urn:wsrm:samples/IPostQueue/Post", session.Id, number,
            $"<Post xmlns=\"urn:wsrm:samples\"><text>{Envelope.Escape(text)}</text></Post>"));

    /// <summary>
    /// Moves the clock by <paramref name="by"/>, then on by the consumer's polling interval (1 s) until
    /// <paramref name="condition"/> holds on <paramref name="queue"/> (default <see cref="Queue"/>): the consumer may be
    /// between two looks when the clock moves and arm its next look only after, so one move is not always enough.
    /// Throws <see cref="TimeoutException"/> when it never holds.
    /// </summary>
    public async Task AdvanceUntilAsync(TimeSpan by, Func<FlakyQueue, bool> condition, FlakyQueue? queue = null)
    {
        queue ??= Queue;
        Time.Advance(by);
        for (var step = 0; step < 20 && !await queue.HoldsWithinAsync(condition, TimeSpan.FromMilliseconds(500)); step++)
            Time.Advance(TimeSpan.FromSeconds(1));
        await queue.WaitUntilAsync(condition);
    }

    public async ValueTask DisposeAsync()
    {
        Queue.Open();
        await App.DisposeAsync();
    }
}
