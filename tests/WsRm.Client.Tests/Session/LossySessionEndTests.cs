using System.Diagnostics;
using WsRm.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Client.Tests.Session;

/// <summary>How a session ends on a lossy path: a clean close leaves no stray traffic; a path that goes dead faults it in bounded time.</summary>
[Collection(LossyEchoServer.Collection)]
public sealed class LossySessionEndTests(LossyEchoServer server, ITestOutputHelper output)
{
    private const string Rm10 = "http://schemas.xmlsoap.org/ws/2005/02/rm";
    private const string Rm11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    public static IEnumerable<object[]> Blackholes() =>
        from cell in Sessions.Matrix()
        from responses in new[] { false, true }
        select new[] { cell[0], cell[1], responses };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_session_opened_and_closed_through_lost_handshake_messages_leaves_no_traffic_after_close(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var seed = 9000 + 10 * (int)rm + (int)soap;
        await using var forwarder = await LossyForwarder.StartAsync(server.Ordered, seed, LossyProfile.Hostile with { MaxFaults = 20 });
        var ns = rm == WsRmVersion.Rm10 ? Rm10 : Rm11;
        // The handshakes themselves are damaged. CreateSequence: the answer lost (the service keeps an orphan
        // sequence; the client retries with a new offer). 1.1's CloseSequence lost, its answer lost, then duplicated
        // with the client getting the second copy's answer; 1.0's LastMessage answer lost, then duplicated likewise;
        // TerminateSequence's answer lost (the resend meets a sequence already gone), then duplicated likewise.
        // (A duplicated CreateSequence is LossyCreateSequenceTests' bug.)
        var duplicate = LossyFault.DuplicateRequestAfterAnswer;
        forwarder.Script(ns + "/CreateSequence", LossyFault.DropResponse);
        if (rm == WsRmVersion.Rm11) forwarder.Script(ns + "/CloseSequence", LossyFault.DropRequest, LossyFault.DropResponse, duplicate);
        else forwarder.Script(ns + "/LastMessage", LossyFault.DropResponse, duplicate);
        forwarder.Script(ns + "/TerminateSequence", LossyFault.DropResponse, duplicate);

        // What the client sends is recorded on the client: the forwarder also counts requests the client gave up on
        // (cancelled at close) whose bytes arrive after the fact, so its counts are no measure of the client's traffic.
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var options = LossyNetworkTests.LossyOptions(server.Ordered, rm, soap, forwarder.Address);
        var prefix = $"close-{seed}-{Guid.NewGuid():N}-";
        var log = new RecordingLogger(TimeProvider.System);
        var sequenceId = "";
        var watch = Stopwatch.StartNew();

        await LossyNetworkTests.RunLoggedAsync(log, forwarder, $"close-{rm}-{soap}", async () =>
        {
            var session = await WsRmSession.OpenAsync(http, options, logger: log).Within();
            sequenceId = session.SequenceId;
            var posts = Enumerable.Range(0, 12).Select(i => session.PostAsync(prefix + i)).ToList();
            var echo = session.EchoAsync(prefix + "echo");
            await Task.WhenAll(posts).Within();
            Assert.Equal(prefix + "echo", await echo.Within());

            await session.CloseAsync().Within();
            Assert.False(session.IsFaulted);
            await session.TimerLoop.Within(Bounded.Short); // the retransmission loop has ended
            await session.DisposeAsync().Within(Bounded.Short); // quiet after a close
        });
        await traffic.IdleAsync();
        var closedAfter = watch.Elapsed;
        var sentAtClose = traffic.Sent;

        // Every scripted loss in the handshake happened and was recovered from.
        Assert.Equal(0, forwarder.ScriptedPending);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => prefix + i), server.Ledger.PostsStartingWith(prefix));

        // Longer than several retransmission timeouts (at most 1 s here): the client sends nothing more, for the
        // sequence or at all. (Its timer loop has ended and nothing is in flight, so this holds however slow the
        // machine is; the wait gives a regression that kept a timer running the time to show.)
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        output.WriteLine($"{rm} {soap} seed {seed}: {forwarder.Summary}; closed after {closedAfter.TotalSeconds:0.00} s; close handshake: "
            + string.Join(", ", forwarder.Exchanges.Where(e => e.Action is { } a && (a.EndsWith("/CloseSequence", StringComparison.Ordinal) || a.EndsWith("/CreateSequence", StringComparison.Ordinal)
                || a.EndsWith("/LastMessage", StringComparison.Ordinal) || a.EndsWith("/TerminateSequence", StringComparison.Ordinal)))));
        Assert.Equal(sentAtClose.Count, traffic.Sent.Count);
        // The last word on the sequence was TerminateSequence.
        Assert.Equal(ns + "/TerminateSequence", sentAtClose.Last(r => r.Mentions(sequenceId)).Action);
        // Real sockets and real timers: about 1 s on an idle machine; the bound is 30 times that.
        Assert.True(closedAfter < Bounded.Long, $"took {closedAfter}");
    }

    [Theory]
    [MemberData(nameof(Blackholes))]
    public async Task When_every_message_after_the_third_is_lost_MaxRetryCount_runs_out_and_the_session_faults_in_bounded_time(
        WsRmVersion rm, WsRmSoapVersion soap, bool responsesLost)
    {
        const int retries = 3;
        // Requests 0, 1, 2 (CreateSequence, the first post, the first echo) go through; then every request, or every
        // response, is lost.
        await using var forwarder = await LossyForwarder.StartAsync(server.Ordered, 0, LossyProfile.Blackhole(after: 3, responses: responsesLost));
        // The session's timers run on a test clock that moves only when no request is in flight, so which
        // transmissions happen, and when in clock time, does not depend on how busy the machine is.
        var clock = new TestClock();
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Sessions.Options(server.Ordered, rm, soap, forwarder.Address);
        options.MaxRetryCount = retries;
        options.InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(100);
        options.MaxRetransmissionTimeout = TimeSpan.FromMilliseconds(400);
        options.TransportRetryDelay = TimeSpan.FromMilliseconds(50);
        var prefix = $"blackhole-{Guid.NewGuid():N}-";
        var log = new RecordingLogger(clock);

        await LossyNetworkTests.RunLoggedAsync(log, forwarder, $"blackhole-{rm}-{soap}-{responsesLost}", async () =>
        {
            var session = await WsRmSession.OpenAsync(http, options, clock, log).Within();
            await using var _ = session;
            await session.PostAsync(prefix + "a").Within();
            Assert.Equal(prefix + "b", await session.EchoAsync(prefix + "b").Within());
            await traffic.IdleAsync();

            var timers = new SessionTimers(clock);
            timers.Attach(session);
            var start = clock.GetUtcNow();
            var lost = new[] { session.PostAsync(prefix + "c"), session.PostAsync(prefix + "d"), session.EchoAsync(prefix + "e") };
            await clock.RunUntilAsync(traffic, () => session.IsFaulted, timers.Asleep, timers.WakeAt, until: start + TimeSpan.FromSeconds(3));
            var elapsed = clock.GetUtcNow() - start;
            var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => lost[0]).Within(Bounded.Short);
            foreach (var call in lost) Assert.Same(error, await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => call).Within(Bounded.Short));
            output.WriteLine($"{rm} {soap} {(responsesLost ? "responses" : "requests")} lost: faulted after {elapsed.TotalMilliseconds:0} ms of clock time: {error.Message}");

            // A clear failure: which message, how many transmissions, what the transport said; in bounded (clock) time.
            Assert.True(session.IsFaulted);
            Assert.Equal(retries + 1, error.Attempts);
            Assert.InRange(error.MessageNumber ?? 0, 3UL, 5UL);
            Assert.Contains($"Message {error.MessageNumber} of sequence {session.SequenceId} was not acknowledged after {retries + 1} transmissions.", error.Message);
            Assert.Contains("The last transport error:", error.Message);
            Assert.NotNull(error.InnerException);
            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"faulted after {elapsed}");
            // Every transmission failed at once, so the retries came after TransportRetryDelay doubled per failure
            // (50 + 100 + 200 ms), well before the 100 to 400 ms timers, and the fault as soon as the fourth failed.
            Assert.Equal(TimeSpan.FromMilliseconds(350), elapsed);

            // Exactly 1 + MaxRetryCount transmissions of that message left the client and reached the forwarder, and no
            // more of any. (A sibling's last transmission may be cut short by the fault, so those are counted at the client.)
            await traffic.IdleAsync();
            var sent = traffic.Sent.Where(r => r.SequenceId == session.SequenceId).ToList();
            Assert.Equal(retries + 1, sent.Count(r => r.MessageNumber == error.MessageNumber));
            Assert.Equal(retries + 1, forwarder.Exchanges.Count(e => e.SequenceId == session.SequenceId && e.MessageNumber == error.MessageNumber));
            Assert.All(sent.GroupBy(r => r.MessageNumber), g => Assert.InRange(g.Count(), 1, retries + 1));

            // The session stays faulted and quiet: nothing more leaves the client, however far the clock moves on.
            await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.PostAsync(prefix + "f")).Within(Bounded.Short);
            await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.CloseAsync()).Within(Bounded.Short);
            await session.TimerLoop.Within(Bounded.Short);
            await traffic.IdleAsync();
            var requests = traffic.Sent.Count;
            clock.Advance(TimeSpan.FromSeconds(10)); // 25 times the longest retransmission timeout
            await traffic.IdleAsync();
            Assert.Equal(requests, traffic.Sent.Count);
        });

        // The service ran what reached it, once: with the responses lost it got c, d and e, without knowing the client gave up.
        Assert.Equal(1, server.Ledger.PostCount(prefix + "a"));
        Assert.Equal(1, server.Ledger.EchoCount(prefix + "b"));
        var expected = responsesLost ? 1 : 0;
        Assert.Equal(expected, server.Ledger.PostCount(prefix + "c"));
        Assert.Equal(expected, server.Ledger.PostCount(prefix + "d"));
        Assert.Equal(expected, server.Ledger.EchoCount(prefix + "e"));
    }
}
