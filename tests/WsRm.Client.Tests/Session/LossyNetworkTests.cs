using System.Diagnostics;
using WsRm.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// Through a forwarder that drops, duplicates, delays and reorders requests and responses: every one-way message is
/// run by the service exactly once and in order, every request exactly once and answered with its own reply. Checked
/// on the server (the <see cref="LossyLedger"/>), not only through the client.
/// </summary>
[Collection(LossyEchoServer.Collection)]
public sealed class LossyNetworkTests(LossyEchoServer server, ITestOutputHelper output)
{
    private const int Posts = 40;

    // Three seeds per matrix cell (and one for unordered replies), each rolling every kind of fault early (checked by
    // Every_seed_rolls_every_kind_of_fault_at_least_twice_within_the_exchanges_every_run_has).
    private static readonly int[][] Seeds = [[1, 2, 4], [6, 8, 9], [10, 11, 13], [14, 19, 20]];

    private static readonly int[] UnorderedSeeds = [23, 26, 27, 28];

    /// <summary>RM 1.0/1.1 × SOAP 1.1/1.2 × three seeds.</summary>
    public static IEnumerable<object[]> Seeded() =>
        Sessions.Matrix().SelectMany((cell, i) => Seeds[i].Select(seed => new[] { cell[0], cell[1], seed }));

    /// <summary>RM 1.0/1.1 × SOAP 1.1/1.2, one seed each.</summary>
    public static IEnumerable<object[]> UnorderedReplies() =>
        Sessions.Matrix().Select((cell, i) => new[] { cell[0], cell[1], UnorderedSeeds[i] });

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Seeded))]
    public Task Posts_run_once_in_order_and_every_echo_runs_once_and_gets_its_own_reply(WsRmVersion rm, WsRmSoapVersion soap, int seed) =>
        RunWorkloadAsync(rm, soap, seed, orderedReplies: true);

    /// <summary>The same with WsRmClientOptions.Ordered false: each reply is handed to its caller as it arrives.</summary>
    [Theory]
    [MemberData(nameof(UnorderedReplies))]
    public Task With_replies_handed_over_as_they_arrive_every_echo_still_runs_once_and_gets_its_own_reply(WsRmVersion rm, WsRmSoapVersion soap, int seed) =>
        RunWorkloadAsync(rm, soap, seed, orderedReplies: false);

    private async Task RunWorkloadAsync(WsRmVersion rm, WsRmSoapVersion soap, int seed, bool orderedReplies)
    {
        var watch = Stopwatch.StartNew();
        await using var forwarder = await LossyForwarder.StartAsync(server.Ordered, seed, LossyProfile.Hostile);
        using var http = Sessions.Http();
        var prefix = $"lossy-{seed}-{Guid.NewGuid():N}-";
        var echoes = Enumerable.Range(0, Posts).Where(i => i % 2 == 1).Select(i => $"{prefix}echo-{i}").ToArray();
        var log = new RecordingLogger(TimeProvider.System);
        string sequenceId = "";

        await RunLoggedAsync(log, forwarder, $"{rm}-{soap}-{seed}-{(orderedReplies ? "ordered" : "unordered")}", async () =>
        {
            var options = LossyOptions(server.Ordered, rm, soap, forwarder.Address);
            options.Ordered = orderedReplies;
            var session = await WsRmSession.OpenAsync(http, options, logger: log).Within();
            await using (session)
            {
                sequenceId = session.SequenceId;
                // Posts and echoes interleaved and all started at once (the window of 8 holds the rest back).
                var posts = new List<Task>();
                var replies = new List<(string Text, Task<string> Reply)>();
                for (var i = 0; i < Posts; i++)
                {
                    posts.Add(session.PostAsync(prefix + i));
                    if (i % 2 == 1) replies.Add(($"{prefix}echo-{i}", session.EchoAsync($"{prefix}echo-{i}")));
                }
                await Task.WhenAll(posts).Within();
                foreach (var (text, reply) in replies) Assert.Equal(text, await reply.Within());

                // Ordered delivery runs Received after every post, so through the lossy session itself it lists each once, in order.
                Assert.Equal(Expected(prefix), await session.ReceivedAsync(prefix));
                await session.CloseAsync().Within();
                Assert.False(session.IsFaulted);
            }
        });

        // The server side: each post ran once, in call order; each echo ran once.
        Assert.Equal(Expected(prefix), server.Ledger.PostsStartingWith(prefix));
        Assert.All(Expected(prefix), text => Assert.Equal(1, server.Ledger.PostCount(text)));
        Assert.All(echoes, text => Assert.Equal(1, server.Ledger.EchoCount(text)));
        Assert.Equal(echoes.Length, server.Ledger.EchoExecutions(prefix + "echo-"));

        // Every kind of fault actually happened, within the bounds; and the service got some message more than once.
        var redelivered = Redelivered(forwarder, sequenceId);
        output.WriteLine($"{rm} {soap} seed {seed}{(orderedReplies ? "" : " (replies unordered)")}: {forwarder.Summary}; {redelivered} messages reached the service more than once; {watch.Elapsed.TotalSeconds:0.00} s");
        AssertEveryFaultHappened(forwarder);
        Assert.True(redelivered > 0, "no message reached the service twice: " + forwarder.Summary);
        // Real sockets and real timers (the ordered service holds answers until a lost message is retransmitted, so a
        // clock moved only between exchanges would stand still): 1 to 3 s here even under load; 30 s is ten times that.
        Assert.True(watch.Elapsed < Bounded.Long, $"took {watch.Elapsed}");
    }

    /// <summary>
    /// Why the counters asserted above are never zero, whatever the timing: faults are rolled by arrival index, and
    /// every run has at least 64 exchanges (CreateSequence, 60 messages, Received, two to close). Each seed rolls every
    /// kind at least twice among exchanges 3 to 63 (past CreateSequence and the first answers a replay needs), so a
    /// replay with nothing to replay or a hold that nothing overtook still leaves one.
    /// </summary>
    [Fact]
    public void Every_seed_rolls_every_kind_of_fault_at_least_twice_within_the_exchanges_every_run_has()
    {
        foreach (var seed in Seeded().Concat(UnorderedReplies()).Select(cell => (int)cell[2]))
        {
            var plan = LossyForwarder.Plan(seed, LossyProfile.Hostile, 64).Skip(3).ToList();
            int Count(params LossyFault[] kinds) => plan.Count(kinds.Contains);
            Assert.True(Count(LossyFault.DropRequest) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.DropResponse) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.DuplicateRequest, LossyFault.DuplicateRequestAfterAnswer) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.DuplicateResponse) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.DelayRequest) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.DelayResponse) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.ReorderRequest) >= 2, $"seed {seed}: {string.Join(",", plan)}");
            Assert.True(Count(LossyFault.ReorderResponse) >= 2, $"seed {seed}: {string.Join(",", plan)}");
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task On_an_unordered_endpoint_every_post_and_echo_runs_exactly_once(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var watch = Stopwatch.StartNew();
        var seed = 7100 + 10 * (int)rm + (int)soap;
        await using var forwarder = await LossyForwarder.StartAsync(server.Unordered, seed, LossyProfile.Hostile with { MaxFaults = 40 });
        using var http = Sessions.Http();
        var prefix = $"unordered-{seed}-{Guid.NewGuid():N}-";
        var log = new RecordingLogger(TimeProvider.System);

        await RunLoggedAsync(log, forwarder, $"unordered-{rm}-{soap}", async () =>
        {
            var session = await WsRmSession.OpenAsync(http, LossyOptions(server.Unordered, rm, soap, forwarder.Address), logger: log).Within();
            await using (session)
            {
                var posts = Enumerable.Range(0, 30).Select(i => session.PostAsync(prefix + i)).ToList();
                var replies = Enumerable.Range(0, 10).Select(i => (Text: $"{prefix}echo-{i}", Reply: session.EchoAsync($"{prefix}echo-{i}"))).ToList();
                await Task.WhenAll(posts).Within();
                foreach (var (text, reply) in replies) Assert.Equal(text, await reply.Within());
                await session.CloseAsync().Within();
                Assert.False(session.IsFaulted);
            }
        });

        // Unordered: an acknowledgement may overtake the delivery it covers, so wait (bounded) for the last posts to run.
        var expected = Enumerable.Range(0, 30).Select(i => prefix + i).ToArray();
        var ran = await Eventually.AtLeastAsync(() => server.Ledger.PostsStartingWith(prefix), expected.Length);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ran.Order(StringComparer.Ordinal));
        Assert.All(expected, text => Assert.Equal(1, server.Ledger.PostCount(text)));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1, server.Ledger.EchoCount($"{prefix}echo-{i}")));

        output.WriteLine($"{rm} {soap} seed {seed} (unordered endpoint): {forwarder.Summary}; posts ran {(ran.SequenceEqual(expected) ? "in" : "out of")} call order; {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.True(forwarder.DroppedRequests + forwarder.DroppedResponses > 0 && forwarder.DuplicatedRequests + forwarder.DuplicatedResponses > 0
            && forwarder.Reordered > 0, forwarder.Summary);
        Assert.True(watch.Elapsed < Bounded.Long, $"took {watch.Elapsed}"); // real sockets: see RunWorkloadAsync
    }

    /// <summary>The session settings of the lossy tests: quick retransmission, retries enough for 60 faults.</summary>
    internal static WsRmClientOptions LossyOptions(Uri address, WsRmVersion rm, WsRmSoapVersion soap, Uri via)
    {
        var options = Sessions.Options(address, rm, soap, via);
        options.MaxRetryCount = 20;
        options.MaxTransferWindowSize = 8; // the server's receive window: no 503s from an overfull buffer
        options.MaxRetransmissionTimeout = TimeSpan.FromSeconds(1);
        return options;
    }

    /// <summary>Runs <paramref name="body"/>; on failure writes the client log and the forwarder's exchanges to a file named in the failure.</summary>
    internal static async Task RunLoggedAsync(RecordingLogger log, LossyForwarder forwarder, string name, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e)
        {
            var path = Path.Combine(Path.GetTempPath(), $"wsrm-lossy-{name}.log");
            File.WriteAllText(path, log.Dump() + Environment.NewLine + "--- forwarder: " + forwarder.Summary + Environment.NewLine
                + string.Join(Environment.NewLine, forwarder.Exchanges));
            throw new Xunit.Sdk.XunitException($"{e}{Environment.NewLine}{forwarder.Summary}{Environment.NewLine}Client log and exchanges: {path}");
        }
    }

    private static IEnumerable<string> Expected(string prefix) => Enumerable.Range(0, Posts).Select(i => prefix + i);

    // Message numbers of the sequence written to the service more than once (duplicated or retransmitted).
    private static int Redelivered(LossyForwarder forwarder, string sequenceId) =>
        forwarder.Exchanges.Where(e => e.SequenceId == sequenceId).GroupBy(e => e.MessageNumber).Count(g => g.Sum(e => e.Copies) > 1);

    private static void AssertEveryFaultHappened(LossyForwarder forwarder)
    {
        Assert.True(forwarder.Injected <= LossyProfile.Hostile.MaxFaults, forwarder.Summary);
        Assert.True(forwarder.DroppedRequests > 0, "no request dropped: " + forwarder.Summary);
        Assert.True(forwarder.DroppedResponses > 0, "no response dropped: " + forwarder.Summary);
        Assert.True(forwarder.DuplicatedRequests > 0, "no request duplicated: " + forwarder.Summary);
        Assert.True(forwarder.DuplicatedResponses > 0, "no response duplicated: " + forwarder.Summary);
        Assert.True(forwarder.DelayedRequests > 0 && forwarder.DelayedResponses > 0, "no delay: " + forwarder.Summary);
        Assert.True(forwarder.ReorderedRequests > 0, "no request overtaken: " + forwarder.Summary);
        Assert.True(forwarder.ReorderedResponses > 0, "no response overtaken: " + forwarder.Summary);
    }
}
