using System.Diagnostics;
using System.Net;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The network between two companies fails in ways other than losing a message: a port that refuses connections for a
/// while, connections reset mid-response, gateways answering 502/503/HTML, a response that never comes. Each test puts
/// a <see cref="LossyForwarder"/> with scripted faults in front of the real server; the session must ride through, every post arriving
/// once and in order, or fail fast and say why.
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
        var watch = Stopwatch.StartNew();
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        var log = new RecordingLogger(TimeProvider.System);
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Options(forwarder, rm, soap), logger: log).Within();
        var prefix = Workload.Prefix($"refused-{rm}");
        Assert.Equal("before", await session.EchoAsync("before"));

        await forwarder.StopAsync();
        var posts = Enumerable.Range(0, 10).Select(i => session.PostAsync(prefix + i)).ToList();
        var echo = session.EchoAsync("during");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(posts, p => p.IsCompleted);
        var restarted = Stopwatch.StartNew();
        await forwarder.StartAgainAsync();

        await Task.WhenAll(posts).Within(Bounded.Short);
        Assert.Equal("during", await echo.Within(Bounded.Short));
        Assert.True(restarted.Elapsed < TimeSpan.FromSeconds(10), $"recovered {restarted.Elapsed} after the port reopened");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();
        Assert.Contains("failed at the transport level (Connection refused", log.Dump());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
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
        options.InitialRetransmissionTimeout = TimeSpan.FromSeconds(2); // the timers alone would take seconds per fault
        await using var session = await WsRmSession.OpenAsync(http, options).Within();
        var watch = Stopwatch.StartNew();

        await Workload.RunAndCloseAsync(session, Workload.Prefix($"gateway-{rm}"), posts: 10);

        Assert.Equal(0, forwarder.ScriptedPending);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_stalled_response_is_abandoned_after_the_request_timeout_and_the_call_still_completes()
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        forwarder.Script(EchoContract.Echo, LossyFault.StallResponse);
        using var http = Sessions.Http();
        var options = Options(forwarder);
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        await using var session = await WsRmSession.OpenAsync(http, options).Within();

        Assert.Equal("stalled once", await session.EchoAsync("stalled once"));
        var held = await forwarder.StallAbandoned.Within(Bounded.Short);

        Assert.InRange(held, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3));
        await Workload.RunAndCloseAsync(session, Workload.Prefix("stall"), posts: 5);
    }

    [Fact]
    public async Task Without_a_request_timeout_a_stalled_response_is_still_abandoned_within_the_derived_bound()
    {
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        forwarder.Script(EchoContract.Post, LossyFault.StallResponse);
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Options(forwarder)).Within();

        await session.PostAsync("stalled").Within(Bounded.Short);
        var held = await forwarder.StallAbandoned.Within(Bounded.Short);

        // Four retransmission timeouts, at least 2 s (the RTO is well under 0.5 s on loopback).
        Assert.InRange(held, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4));
        await session.CloseAsync().Within();
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
        await using var forwarder = await LossyForwarder.StartAsync(server.EchoAddress, seed: 0, LossyProfile.Faithful);
        using var http = Sessions.Http();
        var options = Options(forwarder);
        options.MaxRetryCount = 4;
        await using var session = await WsRmSession.OpenAsync(http, options).Within();
        await forwarder.StopAsync();
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.PostAsync("lost")).Within(Bounded.Short);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
        Assert.Equal((1UL, 5), (error.MessageNumber, error.Attempts));
        Assert.Contains("was not acknowledged after 5 transmissions", error.Message);
        Assert.Contains("The last transport error: Connection refused", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.True(session.IsFaulted);
    }
}
