using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>AckRequested when idle, and the inactivity fault, on a FakeTimeProvider.</summary>
public sealed class KeepAliveTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WsRmClientOptions Options() => new()
    {
        Address = new Uri("http://service/echo"),
        InactivityTimeout = TimeSpan.FromSeconds(10),
    };

    // Jumps to each armed timer until the condition holds.
    private static async Task RunTimersUntil(FakeTimeProvider time, Channel<DateTimeOffset?> waits, WsRmSession session, Func<bool> done)
    {
        while (!done())
        {
            var next = waits.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(next, session.TimerLoop).Within(Bounded.Short) != next)
            {
                Assert.True(done(), "The timer loop ended before the condition held.");
                return;
            }
            if (await next is { } at && at > time.GetUtcNow()) time.SetUtcNow(at);
        }
    }

    [Fact]
    public async Task An_idle_session_sends_AckRequested_every_half_inactivity_timeout_and_stays_healthy()
    {
        var time = new FakeTimeProvider(Start);
        var handler = new ScriptedHandler { AnswerAckRequested = true };
        using var http = new HttpClient(handler);
        var session = await WsRmSession.OpenAsync(http, Options(), time).Within(Bounded.Short);
        var waits = Channel.CreateUnbounded<DateTimeOffset?>();
        session.Scheduler.Waiting += due => waits.Writer.TryWrite(due);
        session.Scheduler.Wake();

        await RunTimersUntil(time, waits, session, () => handler.AckRequests >= 3);
        Assert.False(session.IsFaulted);
        Assert.Equal(3, handler.AckRequests);
        Assert.True(time.GetUtcNow() - Start >= TimeSpan.FromSeconds(15), $"after {time.GetUtcNow() - Start}");
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_silent_service_faults_the_session_after_the_inactivity_timeout()
    {
        var time = new FakeTimeProvider(Start);
        var handler = new ScriptedHandler { AnswerAckRequested = false };
        using var http = new HttpClient(handler);
        await using var session = await WsRmSession.OpenAsync(http, Options(), time).Within(Bounded.Short);
        var waits = Channel.CreateUnbounded<DateTimeOffset?>();
        session.Scheduler.Waiting += due => waits.Writer.TryWrite(due);
        session.Scheduler.Wake();

        await RunTimersUntil(time, waits, session, () => session.IsFaulted);
        Assert.Equal(TimeSpan.FromSeconds(10), time.GetUtcNow() - Start);
        Assert.True(handler.AckRequests >= 1);
        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(
            () => session.SendAsync(EchoContract.Post, EchoContract.Body("Post", "text", "x"))).Within(Bounded.Short);
        Assert.Contains("inactivity", error.Message);
    }
}
