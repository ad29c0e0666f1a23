using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>AckRequested when idle, and the inactivity fault, on a test clock.</summary>
public sealed class KeepAliveTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WsRmClientOptions Options() => new()
    {
        Address = new Uri("http://service/echo"),
        InactivityTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task An_idle_session_sends_AckRequested_every_half_inactivity_timeout_and_stays_healthy()
    {
        var time = new TestClock(Start);
        var handler = new ScriptedHandler { AnswerAckRequested = true };
        var traffic = new TrafficRecorder(handler);
        using var http = new HttpClient(traffic);
        var session = await WsRmSession.OpenAsync(http, Options(), time).Within(Bounded.Short);
        var timers = new SessionTimers(time);
        timers.Attach(session);

        await time.RunUntilAsync(traffic, () => handler.AckRequests >= 3, timers.Asleep, timers.WakeAt, until: Start + TimeSpan.FromMinutes(1));
        Assert.False(session.IsFaulted);
        Assert.Equal(3, handler.AckRequests);
        Assert.True(time.GetUtcNow() - Start >= TimeSpan.FromSeconds(15), $"after {time.GetUtcNow() - Start}");
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_silent_service_faults_the_session_after_the_inactivity_timeout()
    {
        var time = new TestClock(Start);
        var handler = new ScriptedHandler { AnswerAckRequested = false };
        var traffic = new TrafficRecorder(handler);
        using var http = new HttpClient(traffic);
        await using var session = await WsRmSession.OpenAsync(http, Options(), time).Within(Bounded.Short);
        var timers = new SessionTimers(time);
        timers.Attach(session);

        await time.RunUntilAsync(traffic, () => session.IsFaulted, timers.Asleep, timers.WakeAt, until: Start + TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(10), time.GetUtcNow() - Start);
        Assert.True(handler.AckRequests >= 1);
        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(
            () => session.SendAsync(EchoContract.Post, EchoContract.Body("Post", "text", "x"))).Within(Bounded.Short);
        Assert.Contains("inactivity", error.Message);
    }
}
