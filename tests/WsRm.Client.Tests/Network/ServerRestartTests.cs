using WsRm.Client.Tests.Infrastructure;
using WsRm.Host;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// The service restarts mid-session. Its sequence state is in memory, so the restarted service no longer knows the
/// sequence: the session must fail fast with UnknownSequence rather than hang or retry until it runs out. The session
/// runs on a <see cref="TestClock"/>, so "fast" is measured in retransmission time, not in how fast the machine is.
/// </summary>
public sealed class ServerRestartTests
{
    public static IEnumerable<object[]> Versions() =>
    [
        [WsRmVersion.Rm10, WsRmSoapVersion.Soap12],
        [WsRmVersion.Rm11, WsRmSoapVersion.Soap11],
    ];

    private static LoopbackServer NewServer() => new(HostApp.Build);

    private sealed record Client(TestClock Clock, TrafficRecorder Traffic, HttpClient Http);

    private static Client NewClient()
    {
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        return new Client(new TestClock(), traffic, new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan });
    }

    private static async Task AssertUnknownSequenceAsync(WsRmSession session, Task call, TimeSpan took)
    {
        var error = await Assert.ThrowsAsync<WsRmFaultException>(() => call).Within(Bounded.Short);
        Assert.Equal("UnknownSequence", error.Subcode);
        Assert.Equal(session.SequenceId, error.Identifier);
        // Well before the retries would run out (about 25 s of clock time): the fault, not exhaustion, ends the session.
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took} of clock time");
        Assert.True(session.IsFaulted);
        var later = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.EchoAsync("later")).Within(Bounded.Short);
        Assert.IsType<WsRmFaultException>(later.InnerException);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task After_a_restart_the_next_call_fails_at_once_with_UnknownSequence(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var server = NewServer();
        await server.StartAsync();
        var address = server.Url("/echo");
        var client = NewClient();
        using var http = client.Http;
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(address, rm, soap), client.Clock).Within();
        Assert.Equal("before", await session.EchoAsync("before"));

        await server.StopAsync();
        await server.StartAsync();
        var restarted = client.Clock.GetUtcNow();

        // Answered at once: the clock never has to move.
        await AssertUnknownSequenceAsync(session, session.EchoAsync("after"), client.Clock.GetUtcNow() - restarted);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_post_made_while_the_server_is_down_fails_with_UnknownSequence_as_soon_as_it_is_back(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var server = NewServer();
        await server.StartAsync();
        var address = server.Url("/echo");
        var client = NewClient();
        using var http = client.Http;
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(address, rm, soap), client.Clock).Within();
        var timers = new SessionTimers(client.Clock);
        timers.Attach(session);
        await session.PostAsync("before").Within();

        await server.StopAsync();
        var post = session.PostAsync("while down");
        // One second of clock time with the server down: every attempt is refused at once, each retry when it is due.
        var downUntil = client.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        await client.Clock.RunUntilAsync(client.Traffic, () => timers.WakeAt() is not { } wake || wake > downUntil, timers.Asleep, timers.WakeAt, downUntil);
        Assert.False(post.IsCompleted);
        Assert.True(client.Traffic.Sent.Count(r => r.Mentions("while down")) > 1, "the post was not retried while the server was down");
        await server.StartAsync();
        var restarted = client.Clock.GetUtcNow();

        await client.Clock.RunUntilAsync(client.Traffic, () => post.IsCompleted, timers.Asleep, timers.WakeAt, restarted + TimeSpan.FromSeconds(10));
        await AssertUnknownSequenceAsync(session, post, client.Clock.GetUtcNow() - restarted);
    }
}
