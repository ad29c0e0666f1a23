using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>The retransmission loop on a FakeTimeProvider, against a service that vanished after CreateSequence.</summary>
public sealed class RetransmissionTests
{
    [Fact]
    public async Task Retries_run_out_after_MaxRetryCount_and_every_pending_call_fails_naming_the_message()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler();
        using var http = new HttpClient(handler);
        var options = new WsRmClientOptions
        {
            Address = new Uri("http://service/echo"),
            MaxRetryCount = 3,
            InitialRetransmissionTimeout = TimeSpan.FromSeconds(1),
        };
        await using var session = await WsRmSession.OpenAsync(http, options, time).Within(Bounded.Short);
        var waits = Channel.CreateUnbounded<DateTimeOffset?>();
        session.Scheduler.Waiting += due => waits.Writer.TryWrite(due);

        var post = session.SendAsync(EchoContract.Post, EchoContract.Body("Post", "text", "lost"));
        var request = session.RequestAsync(EchoContract.Echo, EchoContract.Body("Echo", "text", "lost too"));

        // Each time the loop arms its timer in the future, jump to it; an event the session has moved past since (a
        // transport failure brought the retry forward) is skipped: a newer one follows.
        while (true)
        {
            var next = waits.Reader.ReadAsync().AsTask();
            if (await Task.WhenAny(next, post).Within(Bounded.Short) == post) break;
            if (await next is { } at && at > time.GetUtcNow() && at == session.NextDueTime) time.SetUtcNow(at);
        }

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
        Assert.Equal(TimeSpan.FromSeconds(0.7), time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
