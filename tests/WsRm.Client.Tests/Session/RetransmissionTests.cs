using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>The retransmission loop on a test clock, against a service that vanished after CreateSequence.</summary>
public sealed class RetransmissionTests
{
    [Fact]
    public async Task Retries_run_out_after_MaxRetryCount_and_every_pending_call_fails_naming_the_message()
    {
        var time = new TestClock();
        var handler = new ScriptedHandler();
        var traffic = new TrafficRecorder(handler);
        using var http = new HttpClient(traffic);
        var options = new WsRmClientOptions
        {
            Address = new Uri("http://service/echo"),
            MaxRetryCount = 3,
            InitialRetransmissionTimeout = TimeSpan.FromSeconds(1),
        };
        await using var session = await WsRmSession.OpenAsync(http, options, time).Within(Bounded.Short);
        var timers = new SessionTimers(time);
        timers.Attach(session);

        var post = session.SendAsync(EchoContract.Post, EchoContract.Body("Post", "text", "lost"));
        var request = session.RequestAsync(EchoContract.Echo, EchoContract.Body("Echo", "text", "lost too"));

        // Each time the loop sleeps on its timer with nothing in flight, jump to the next timer.
        await time.RunUntilAsync(traffic, () => post.IsCompleted, timers.Asleep, timers.WakeAt, until: time.Start + TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => post).Within(Bounded.Short);
        Assert.Equal(1UL, error.MessageNumber);
        Assert.Equal(4, error.Attempts);
        Assert.Contains("Message 1", error.Message);
        await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => request).Within(Bounded.Short);
        Assert.True(session.IsFaulted);
        Assert.Equal(8, handler.Failures); // two messages, four transmissions each
        Assert.Contains("The last transport error: connection refused (scripted)", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        // Transport failures are retried after 0.1, 0.2 and 0.4 s (TransportRetryDelay, doubled), not the 1 + 2 + 4 + 8 s
        // timers; the sequence faults as soon as the last allowed transmission failed.
        Assert.Equal(TimeSpan.FromSeconds(0.7), time.Elapsed);
    }
}
