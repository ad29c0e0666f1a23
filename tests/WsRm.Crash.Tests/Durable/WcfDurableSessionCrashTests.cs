using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.Wcf;

namespace WsRm.Crash.Tests.Durable;

/// <summary>
/// The real WCF client (System.ServiceModel.Http 10.1.0: a CustomBinding of ReliableSessionBindingElement, text
/// encoding and HTTP) on one durable session of <c>/durable/echo</c>, the host killed with SIGKILL while calls are in
/// flight. WCF's client keeps unacknowledged messages in its transfer window and retransmits them on its own timer,
/// masking the transport failures (connection refused or reset) meanwhile, so it carries the session across a
/// restart if the host is back within its budget: <c>MaxRetryCount</c> retransmissions of a message (default 8, with
/// exponential backoff: a 30 s outage was ridden through) and <c>SendTimeout</c> per call (default 1 min; a request
/// unanswered that long fails with TimeoutException and faults WCF's ReliableRequestSessionChannel). Past the retry
/// budget the session faults: the call that ran out gets CommunicationException "The maximum retry count has been
/// exceeded with no response from the remote endpoint. The reliable session was faulted." (inner: the
/// HttpRequestException "Connection refused"), every other call CommunicationObjectFaultedException; what the host
/// acknowledged before is still delivered exactly once after its restart.
/// </summary>
public abstract class WcfDurableSessionCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Path = "/durable/echo";
    private const int Concurrency = 8; // WCF's default transfer window
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ShortInactivity = TimeSpan.FromSeconds(10);

    private CrashStore? _store;

    /// <summary>The store the host runs on, one per test.</summary>
    protected abstract Task<CrashStore> CreateStoreAsync();

    private CrashStore Store => _store!;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    // loseAnswers: the answers the host sent just before the crash never reach WCF (held back, then failed).
    [Theory]
    [InlineData(true, false, 8201)]
    [InlineData(false, true, 8202)]
    public async Task A_WCF_session_is_carried_across_a_host_restart_within_its_retry_budget(bool rm11, bool loseAnswers, int seed)
    {
        var plan = new EchoPlan(calls: 250, requestEvery: 5); // 200 one-way posts, 50 echoes
        await using var host = await CrashHost.StartAsync(Store);
        var counts = new HttpCounts();
        var hold = new AnswerHold();
        var factory = Factory(host, rm11, counts, hold, maxRetryCount: null);
        try
        {
            var proxy = factory.CreateChannel();
            var channel = (IClientChannel)proxy;
            await Task.Factory.FromAsync(channel.BeginOpen, channel.EndOpen, null).WaitAsync(Bounded.Long);
            var replies = new string?[plan.Calls];
            var stream = CallStream.Start(plan.Calls, Concurrency, async i =>
            {
                if (plan.IsRequest(i)) replies[i] = await proxy.EchoAsync(plan.Text(i));
                else await proxy.PostAsync(plan.Text(i));
            });
            var crash = await CrashPoint.KillAndRestartAsync(host, stream, plan.KillPoints(seed)[0], Store, plan.Prefix, loseAnswers ? hold : null);
            await stream.Completion.WaitAsync(RunTimeout);
            string Context() => $"{stream.DescribeFailures()}; channel {channel.State}; HTTP {counts}{Environment.NewLine}host output:{Environment.NewLine}{host.RecentOutput()}";

            // Only WCF's own DequeuePending race may fail a call (its message was sent and acknowledged all the same).
            var raced = stream.Failures.Where(f => WcfClientRaces.IsDequeuePendingRace(f.Error)).Select(f => f.Index).ToHashSet();
            Assert.True(stream.Failures.Count == raced.Count, Context());
            foreach (var i in plan.Requests.Where(i => !raced.Contains(i))) Assert.Equal(plan.Text(i), replies[i]);
            var posts = plan.Posts.Select(plan.Text).ToList();
            var received = await proxy.ReceivedAsync(plan.Prefix).WaitAsync(Bounded.Long);
            ExactlyOnce.Assert(posts, received.CountBy(t => t).ToDictionary(), Context);
            await Task.Factory.FromAsync(channel.BeginClose, channel.EndClose, null).WaitAsync(Bounded.Long);
            await host.StopAsync(TimeSpan.FromSeconds(10));

            ExactlyOnce.Assert(posts, await Store.RecordedAsync(plan.Prefix), Context);
            output.WriteLine($"{Store.Provider} WCF {(rm11 ? "RM1.1 SOAP1.2" : "RM1.0 SOAP1.1")}: {posts.Count} posts + {plan.Requests.Count()} echoes, all completed; "
                + $"killed after {crash.After} calls completed, {crash.InFlight} in flight, {hold.Dropped} answers lost; down {crash.Down.TotalSeconds:0.0} s; "
                + $"at the kill {crash.CompletedNotRecorded(plan.Posts, plan.Text).Length} acknowledged posts not yet run; recorded {posts.Count}, twice 0; HTTP {counts}"
                + (raced.Count > 0 ? $"; WCF's DequeuePending race told {raced.Count} caller(s) 'Queue empty'" : ""));
        }
        finally
        {
            factory.Abort();
        }
    }

    [Fact]
    public async Task A_WCF_session_faults_when_the_host_is_down_past_its_retry_budget_and_what_was_acknowledged_is_delivered_once()
    {
        var plan = new EchoPlan(calls: 200, requestEvery: 5);
        // A post WCF saw acknowledged may wait behind a gap (an earlier number lost at the kill) that the faulted client
        // will never fill; the host delivers it when the sequence expires (IncompleteSequenceBehavior NoDiscard), so
        // the sequence expires within seconds here instead of the default 10 minutes.
        await using var host = await CrashHost.StartAsync(Store, "--WsRm:InactivityTimeout", ShortInactivity.ToString("c"));
        var counts = new HttpCounts();
        // Two retransmissions instead of eight: the same path to the fault, within seconds instead of about a minute.
        var factory = Factory(host, rm11: true, counts, new AnswerHold(), maxRetryCount: 2);
        try
        {
            var proxy = factory.CreateChannel();
            var channel = (IClientChannel)proxy;
            var faulted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            channel.Faulted += (_, _) => faulted.TrySetResult();
            await Task.Factory.FromAsync(channel.BeginOpen, channel.EndOpen, null).WaitAsync(Bounded.Long);
            var stream = CallStream.Start(plan.Calls, Concurrency, async i =>
            {
                if (plan.IsRequest(i)) Assert.Equal(plan.Text(i), await proxy.EchoAsync(plan.Text(i)));
                else await proxy.PostAsync(plan.Text(i));
            });
            await stream.AfterAsync(plan.KillPoints(8203)[0]).WaitAsync(CrashPoint.ReachTimeout);
            host.Kill();
            await faulted.Task.WaitAsync(RunTimeout);
            await stream.Completion.WaitAsync(RunTimeout);
            var restart = await host.RestartAsync(CrashHost.StartTimeout);
            string Context() => $"{stream.DescribeFailures()}; channel {channel.State}; HTTP {counts}{Environment.NewLine}host output:{Environment.NewLine}{host.RecentOutput()}";

            // One call ran out of retries; the session faulted with it, and every other call failed on the faulted channel.
            var failures = stream.Failures;
            var ranOut = Assert.Single(failures, f => f.Error.GetType() == typeof(CommunicationException));
            Assert.Contains("The maximum retry count has been exceeded", ranOut.Error.Message, StringComparison.Ordinal);
            Assert.Contains(Inner(ranOut.Error), e => e is HttpRequestException);
            Assert.All(failures.Where(f => f != ranOut), f => Assert.IsType<CommunicationObjectFaultedException>(f.Error));
            Assert.Equal(CommunicationState.Faulted, channel.State);

            // Each post WCF saw complete (its answer acknowledged it) is recorded once, the restarted host delivering
            // those it had not run yet (those behind a gap once the sequence expired); a failed post at most once;
            // nothing else.
            var completed = plan.Posts.Where(i => failures.All(f => f.Index != i)).Select(plan.Text).ToList();
            var recorded = await WaitForRecordedAsync(plan.Prefix, completed, ShortInactivity + Bounded.Long);
            await host.StopAsync(TimeSpan.FromSeconds(10));
            recorded = await Store.RecordedAsync(plan.Prefix);
            ExactlyOnce.Assert(completed, recorded.Where(r => completed.Contains(r.Key)).ToDictionary(), Context);
            var sent = plan.Posts.Select(plan.Text).ToHashSet();
            Assert.All(recorded, r => Assert.True(sent.Contains(r.Key) && r.Value == 1, $"{r.Key} recorded {r.Value} times. {Context()}"));
            output.WriteLine($"{Store.Provider} WCF RM1.1 SOAP1.2, MaxRetryCount 2: {stream.Completed - failures.Count} calls completed before the kill, "
                + $"then {failures.Count} failed ({ranOut.Error.GetType().Name} once, the rest {nameof(CommunicationObjectFaultedException)}); "
                + $"{completed.Count} completed posts recorded once each, {recorded.Count - completed.Count} failed posts recorded (once); restart {restart.TotalSeconds:0.0} s; HTTP {counts}");
        }
        finally
        {
            factory.Abort();
        }
    }

    private static ChannelFactory<IEchoServiceAsync> Factory(HostProcess host, bool rm11, HttpCounts counts, AnswerHold hold, int? maxRetryCount)
    {
        var reliable = new ReliableSessionBindingElement(ordered: true)
        {
            ReliableMessagingVersion = rm11 ? ReliableMessagingVersion.WSReliableMessaging11 : ReliableMessagingVersion.WSReliableMessagingFebruary2005,
        };
        if (maxRetryCount is { } retries) reliable.MaxRetryCount = retries;
        var binding = new CustomBinding(reliable,
            new TextMessageEncodingBindingElement(rm11 ? MessageVersion.Soap12WSAddressing10 : MessageVersion.Soap11WSAddressing10, Encoding.UTF8),
            new HttpTransportBindingElement());
        var factory = new ChannelFactory<IEchoServiceAsync>(binding, new EndpointAddress(host.Url(Path)));
        factory.Endpoint.EndpointBehaviors.Add(new WcfHttpHandlers(inner => counts.Handler(hold.Handler(inner))));
        return factory;
    }

    private static IEnumerable<Exception> Inner(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException) yield return inner;
    }

    // The restarted host delivers what it had acknowledged and not run, on its own: bounded polling of the store.
    private async Task<IReadOnlyDictionary<string, int>> WaitForRecordedAsync(string prefix, IReadOnlyCollection<string> texts, TimeSpan bound)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var recorded = await Store.RecordedAsync(prefix);
            if (texts.All(recorded.ContainsKey) || clock.Elapsed > bound) return recorded;
            await Task.Delay(50);
        }
    }
}
