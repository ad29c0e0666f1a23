using WsRm.Client;
using WsRm.Crash.Tests.Infrastructure;
using WsRm.Storage;

namespace WsRm.Crash.Tests.Queues;

/// <summary>
/// The sample host's queued endpoint <c>/queue/post</c> (PostQueueService records each text in the transaction that
/// takes its message off the target queue), fed by our client on one session, the host killed with SIGKILL mid-stream
/// and restarted on the same port and store: every message the host acknowledged is processed exactly once, those
/// the consumer held when the host died once their lease has run out.
/// </summary>
public abstract class QueueCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Path = "/queue/post";
    private const int Messages = 1000;
    private const int Concurrency = 16;
    // A consumer that died held its messages until their lease runs out (default 5 minutes): short here, so that the
    // restarted host takes them again within the test. On an ordered sequence the messages behind them wait as long.
    private static readonly string[] ShortLease = ["--WsRm:Endpoints:/queue/post:Lease", "00:00:02"];
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);
    // One ordered sequence is processed a message at a time, each in its own transaction with its text: on PostgreSQL
    // (fsync on) that is a flush per message, 20-50 ms on this shared disk. Generous, real time around real processes.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);

    private CrashStore? _store;

    /// <summary>The store the host runs on, one per test.</summary>
    protected abstract Task<CrashStore> CreateStoreAsync();

    private CrashStore Store => _store!;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_thousand_queued_posts_survive_a_host_crash_each_processed_once()
    {
        var prefix = $"queue-{Guid.NewGuid():N}"[..14] + "-";
        string Text(int i) => $"{prefix}{i:D5}";
        await using var host = await CrashHost.StartAsync(Store, ShortLease);
        var counts = new HttpCounts();
        using var http = new HttpClient(counts.Handler(WsRmHttp.CreateHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        using var factory = new WsRmChannelFactory<IPostQueueAsync>(new WsRmClientOptions { Address = host.Url(Path) }, http);
        var proxy = await factory.CreateChannelAsync().WaitAsync(Bounded.Long);

        var stream = CallStream.Start(Messages, Concurrency, i => proxy.PostAsync(Text(i)));
        long queuedAtKill = 0;
        var crash = await CrashPoint.KillAndRestartAsync(host, stream, new Random(8401).Next(Messages / 4, 3 * Messages / 4), Store, prefix,
            whileDown: async () => queuedAtKill = Target(await Store.QueueDepthsAsync()));
        await stream.Completion.WaitAsync(RunTimeout);
        string Context() => $"{stream.DescribeFailures()}; HTTP {counts}{Environment.NewLine}host output:{Environment.NewLine}{host.RecentOutput()}";
        Assert.True(stream.Failures.Count == 0, Context());
        await ((IWsRmChannel)proxy).CloseAsync().WaitAsync(Bounded.Long);

        // The consumer drains the queue on its own: bounded polling of the store.
        var drained = System.Diagnostics.Stopwatch.StartNew();
        while (Target(await Store.QueueDepthsAsync()) > 0 || (await Store.RecordedAsync(prefix)).Count < Messages)
        {
            if (drained.Elapsed > DrainTimeout)
                Assert.Fail($"The queue was not drained within {DrainTimeout}: {Target(await Store.QueueDepthsAsync())} queued, "
                    + $"{(await Store.RecordedAsync(prefix)).Count} of {Messages} processed, {await Store.CountSequencesAsync()} sequences stored. {Context()}");
            await Task.Delay(100);
        }
        await host.StopAsync(TimeSpan.FromSeconds(10));

        ExactlyOnce.Assert(Enumerable.Range(0, Messages).Select(Text), await Store.RecordedAsync(prefix), Context);
        var depths = await Store.QueueDepthsAsync();
        Assert.True(depths.All(d => d.Count == 0), "Left in a queue: " + string.Join(", ", depths.Where(d => d.Count > 0)));
        output.WriteLine($"{Store.Provider}: {Messages} one-way posts on one session, all acknowledged; killed after {crash.After} acknowledged, "
            + $"{crash.InFlight} in flight; at the kill {crash.RecordedAtKill.Count} processed, {queuedAtKill} in the target queue "
            + $"(acknowledged, not yet processed); down {crash.Down.TotalSeconds:0.0} s (start {crash.Start.TotalSeconds:0.0} s); "
            + $"drained {drained.Elapsed.TotalSeconds:0.0} s after the close; processed {Messages}, twice 0; HTTP {counts}");
    }

    private static long Target(IReadOnlyList<QueueDepth> depths) =>
        depths.Where(d => d.Kind == QueueKind.Target && d.Name == Path).Sum(d => d.Count);
}
