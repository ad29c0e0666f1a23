using System.Diagnostics;
using System.Net;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The network between two companies fails in ways other than losing a message: a port that refuses connections for a
/// while, connections reset mid-response, gateways answering 502/503/HTML, a response that never comes. Each test puts
/// a <see cref="LossyForwarder"/> with scripted faults in front of the real server; the session must ride through,
/// every post arriving once and in order, or fail fast and say why. Where the claim is about time, the session runs on
/// a <see cref="TestClock"/> moved only when no request is in flight (or, for a stall, by the test), so the claim holds
/// in clock time whatever the machine's load.
/// </summary>
public sealed class TransportFailureTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static IEnumerable<object[]> Versions() =>
    [
        [WsRmVersion.Rm10, WsRmSoapVersion.Soap11],
        [WsRmVersion.Rm11, WsRmSoapVersion.Soap12],
    ];

    private WsRmClientOptions Options(LossyForwarder forwarder, WsRmVersion rm = WsRmVersion.Rm11, WsRmSoapVersion soap = WsRmSoapVersion.Soap12) =>
        Sessions.Options(server.EchoAddress, rm, soap, via: forwarder.Address);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_port_that_refuses_connections_for_two_seconds_is_ridden_through(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var clock = new TestClock();
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        var log = new RecordingLogger(clock);
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        await using var session = await WsRmSession.OpenAsync(http, Options(forwarder, rm, soap), clock, log).Within();
        var timers = new SessionTimers(clock);
        timers.Attach(session);
        var prefix = Workload.Prefix($"refused-{rm}");
        Assert.Equal("before", await session.EchoAsync("before"));

        await forwarder.StopAsync();
        var posts = Enumerable.Range(0, 10).Select(i => session.PostAsync(prefix + i)).ToList();
        var echo = session.EchoAsync("during");
        // Two seconds of clock time with the port closed: each attempt is refused at once, each retry when it is due.
        var outageEnds = clock.GetUtcNow() + TimeSpan.FromSeconds(2);
        await clock.RunUntilAsync(traffic, () => timers.WakeAt() is not { } wake || wake > outageEnds, timers.Asleep, timers.WakeAt, outageEnds);
        Assert.DoesNotContain(posts, p => p.IsCompleted);
        var refused = traffic.Sent.Count;
        await forwarder.StartAgainAsync();
        var reopened = clock.GetUtcNow();

        await clock.RunUntilAsync(traffic, () => echo.IsCompleted && posts.All(p => p.IsCompleted), timers.Asleep, timers.WakeAt, reopened + TimeSpan.FromSeconds(10));
        await Task.WhenAll(posts).Within(Bounded.Short);
        Assert.Equal("during", await echo.Within(Bounded.Short));
        Assert.True(refused > 11, $"only {refused} requests while the port was closed");
        Assert.True(clock.GetUtcNow() - reopened < TimeSpan.FromSeconds(10), $"recovered {clock.GetUtcNow() - reopened} after the port reopened");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();
        Assert.Contains("failed at the transport level (Connection refused", log.Dump());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed} of clock time");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Connections_reset_mid_response_are_retried(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        forwarder.Script(EchoContract.Post, LossyFault.ResetMidResponse, LossyFault.ResetMidResponse, LossyFault.ResetMidResponse);
        forwarder.Script(EchoContract.Echo, LossyFault.ResetMidResponse);
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Options(forwarder, rm, soap)).Within();

        await Workload.RunAndCloseAsync(session, Workload.Prefix($"reset-{rm}"), posts: 10);

        Assert.Equal(0, forwarder.ScriptedPending);
        Assert.Equal(4, forwarder.Exchanges.Count(e => e.Fault == LossyFault.ResetMidResponse));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Gateway_errors_and_500s_that_are_not_SOAP_are_retried_promptly(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        forwarder.Script(EchoContract.Post, LossyFault.BadGateway, LossyFault.ServiceUnavailable,
            LossyFault.InternalErrorNotSoap, LossyFault.BadGateway, LossyFault.ServiceUnavailable);
        forwarder.Script(EchoContract.Echo, LossyFault.InternalErrorNotSoap, LossyFault.ServiceUnavailable);
        using var http = Sessions.Http();
        var options = Options(forwarder, rm, soap);
        // The timers alone would take at least 10 s per fault, 70 s for the seven: a prompt retry takes a fraction of
        // a second each. Real sockets on a real clock (the ordered service holds answers until a retried post
        // arrives, so a clock moved only between exchanges would stand still): the 30 s bound is generous for the
        // second or two this takes on a loaded machine, and still well short of what the timers would take.
        options.InitialRetransmissionTimeout = TimeSpan.FromSeconds(10);
        await using var session = await WsRmSession.OpenAsync(http, options).Within();
        var watch = Stopwatch.StartNew();

        await Workload.RunAndCloseAsync(session, Workload.Prefix($"gateway-{rm}"), posts: 10);

        Assert.Equal(0, forwarder.ScriptedPending);
        Assert.True(watch.Elapsed < Bounded.Long, $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_stalled_response_is_abandoned_after_the_request_timeout_and_the_call_still_completes()
    {
        var held = await StallOnceAsync(o => o.RequestTimeout = TimeSpan.FromSeconds(1), EchoContract.Echo,
            session => session.EchoAsync("stalled once"), expected: TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), held);
    }

    [Fact]
    public async Task Without_a_request_timeout_a_stalled_response_is_still_abandoned_within_the_derived_bound()
    {
        // Four retransmission timeouts, at least 2 s (the retransmission timeout is well under 0.5 s here).
        var held = await StallOnceAsync(_ => { }, EchoContract.Post, session => session.PostAsync("stalled"), expected: TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), held);
    }

    // The first request with `action` gets its response stalled; the session and the forwarder share a test clock,
    // which the test moves by `expected` once the stall and the session's request timer are in place. Returns how long
    // the forwarder held the response; the call must then complete by a retry, and a workload run cleanly after it.
    private async Task<TimeSpan> StallOnceAsync(Action<WsRmClientOptions> configure, string action, Func<WsRmSession, Task> call, TimeSpan expected)
    {
        var clock = new TestClock();
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful, clock);
        forwarder.Script(action, LossyFault.StallResponse);
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Options(forwarder);
        configure(options);
        await using var session = await WsRmSession.OpenAsync(http, options, clock).Within();
        var timers = new SessionTimers(clock);
        timers.Attach(session);

        var sentAt = clock.GetUtcNow();
        var stalled = call(session);
        await forwarder.StallStarted.Within(Bounded.Short);
        await clock.ArmedAtAsync(sentAt + expected); // the request's own timeout
        clock.Advance(expected);
        var held = await forwarder.StallAbandoned.Within(Bounded.Short);

        await clock.RunUntilAsync(traffic, () => stalled.IsCompleted, timers.Asleep, timers.WakeAt, clock.GetUtcNow() + TimeSpan.FromSeconds(5));
        await stalled.Within(Bounded.Short);
        await Workload.RunAndCloseAsync(session, Workload.Prefix("stall"), posts: 5);
        return held;
    }

    [Fact]
    public async Task A_status_that_retrying_cannot_change_faults_the_session_at_once()
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        forwarder.Script(EchoContract.Post, LossyFault.NotFound);
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Options(forwarder)).Within();

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.PostAsync("nowhere")).Within(Bounded.Short);

        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<HttpRequestException>(error.InnerException).StatusCode);
        Assert.Contains("HTTP 404", error.Message);
        Assert.True(session.IsFaulted);
        Assert.Single(forwarder.Exchanges, e => e.Action == EchoContract.Post);
    }

    [Fact]
    public async Task A_service_that_stays_unreachable_faults_the_session_after_MaxRetryCount_naming_the_transport_error()
    {
        var clock = new TestClock();
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Options(forwarder);
        options.MaxRetryCount = 4;
        await using var session = await WsRmSession.OpenAsync(http, options, clock).Within();
        var timers = new SessionTimers(clock);
        timers.Attach(session);
        await forwarder.StopAsync();
        var start = clock.GetUtcNow();

        var post = session.PostAsync("lost");
        await clock.RunUntilAsync(traffic, () => post.IsCompleted, timers.Asleep, timers.WakeAt, start + TimeSpan.FromSeconds(12));
        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => post).Within(Bounded.Short);

        Assert.True(clock.GetUtcNow() - start < TimeSpan.FromSeconds(12), $"took {clock.GetUtcNow() - start} of clock time");
        Assert.Equal((1UL, 5), (error.MessageNumber, error.Attempts));
        Assert.Equal(5, traffic.Sent.Count(r => r.MessageNumber == 1));
        Assert.Contains("was not acknowledged after 5 transmissions", error.Message);
        Assert.Contains("The last transport error: Connection refused", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.True(session.IsFaulted);
    }
}
