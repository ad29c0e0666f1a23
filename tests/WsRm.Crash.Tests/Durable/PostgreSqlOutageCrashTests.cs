using System.Net;
using WsRm.Client;
using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Durable;

/// <summary>
/// The sample host on PostgreSQL, our client on one durable session of <c>/durable/echo</c>, and the database server
/// stopped (<c>pg_ctl stop -m fast</c>: every connection cut) while calls are in flight, then started again. Messages
/// that met the outage are answered 503 and not acknowledged; the client retransmits them; once the database is back
/// the session goes on, each post run once, each echo answered. A cluster of its own: the shared one stays up.
/// </summary>
public sealed class PostgreSqlOutageCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Path = "/durable/echo";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);
    private PostgreSqlCluster? _cluster;
    private CrashStore? _store;

    public async Task InitializeAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        await PostgreSqlServer.ExecuteAsync(_cluster.ConnectionString("postgres") + ";Pooling=false", "CREATE DATABASE wsrm_outage");
        _store = CrashStore.OnCluster(_cluster, "wsrm_outage");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_database_outage_is_answered_503_and_the_session_goes_on_each_post_run_once()
    {
        var plan = new EchoPlan(calls: 300, requestEvery: 5); // 240 one-way posts, 60 echoes
        await using var host = await CrashHost.StartAsync(_store!);
        var counts = new HttpCounts();
        using var http = new HttpClient(counts.Handler(WsRmHttp.CreateHandler())) { Timeout = Timeout.InfiniteTimeSpan };
        using var factory = new WsRmChannelFactory<IEchoServiceAsync>(new WsRmClientOptions { Address = host.Url(Path) }, http);
        var proxy = await factory.CreateChannelAsync().WaitAsync(Bounded.Long);
        var replies = new string?[plan.Calls];
        async Task Call(int i)
        {
            if (plan.IsRequest(i)) replies[i] = await proxy.EchoAsync(plan.Text(i));
            else await proxy.PostAsync(plan.Text(i));
        }

        // Half the calls before the outage (some in flight when it starts, if the stream has not finished by then: a
        // stop takes seconds on a loaded machine), the other half started only once the database is down, so the
        // outage always meets calls on the same session.
        var before = plan.Calls / 2;
        var first = CallStream.Start(before, 16, Call);
        await first.AfterAsync(before / 3).WaitAsync(RunTimeout);
        var down = System.Diagnostics.Stopwatch.StartNew();
        await _cluster!.StopServerAsync().WaitAsync(RunTimeout);
        var completedAtStop = first.Completed;
        var second = CallStream.Start(plan.Calls - before, 16, i => Call(before + i));
        string Context() => $"first half: {first.Completed} of {before} completed, {first.DescribeFailures()}; second half: "
            + $"{second.Completed} of {plan.Calls - before} completed, {second.DescribeFailures()}; HTTP {counts}"
            + $"{Environment.NewLine}host output:{Environment.NewLine}{host.RecentOutput()}";
        // The host noticed (503s), and the outage lasts a while: the client's retransmissions back off meanwhile
        // (a real outage of real processes, so real time).
        await counts.SeenAsync(HttpStatusCode.ServiceUnavailable, 3).Within(RunTimeout, () => "no 503 while the database was down: " + Context());
        await Task.Delay(Outage);
        var refusedWhileDown = counts.Count(HttpStatusCode.ServiceUnavailable);
        await _cluster.StartServerAsync().WaitAsync(RunTimeout);
        var downFor = down.Elapsed;

        await Task.WhenAll(first.Completion, second.Completion).Within(RunTimeout, () => "calls not completed: " + Context());
        Assert.True(first.Failures.Count == 0 && second.Failures.Count == 0, Context());
        foreach (var i in plan.Requests) Assert.Equal(plan.Text(i), replies[i]);
        var posts = plan.Posts.Select(plan.Text).ToList();
        var received = await proxy.ReceivedAsync(plan.Prefix).WaitAsync(Bounded.Long);
        ExactlyOnce.Assert(posts, received.CountBy(t => t).ToDictionary(), Context);
        await ((IWsRmChannel)proxy).CloseAsync().WaitAsync(Bounded.Long);
        await host.StopAsync(TimeSpan.FromSeconds(10));

        ExactlyOnce.Assert(posts, await _store!.RecordedAsync(plan.Prefix), Context);
        output.WriteLine($"{plan.Posts.Count()} posts + {plan.Requests.Count()} echoes on one durable session; database stopped after "
            + $"{completedAtStop} calls completed, {plan.Calls - before} more started during the outage, down {downFor.TotalSeconds:0.0} s ({refusedWhileDown} answered 503 by then); "
            + $"all acknowledged/answered, recorded {posts.Count}, twice 0; HTTP {counts}");
    }
}
