using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// A destination that answers 202 and acknowledges late (or never): the window holds the unacknowledged messages,
/// a full window blocks new calls, and close waits for the last acknowledgements or fails saying which are missing.
/// Real Kestrel on loopback; the session's timers on a FakeTimeProvider.
/// </summary>
public sealed class LateAcknowledgementCloseTests
{
    public static TheoryData<WsRmVersion> Versions() => [WsRmVersion.Rm10, WsRmVersion.Rm11];

    // WS-RM 1.1 says "nothing yet" with SequenceAcknowledgement/None. A 1.0 destination cannot, and one that answers
    // AckRequested with a bare 202 is sent TerminateSequence for its final acknowledgement: LastMessageCloseTests.
    public static IEnumerable<object[]> Matrix11() => Sessions.Matrix().Where(row => (WsRmVersion)row[0] == WsRmVersion.Rm11);

    [Theory]
    [MemberData(nameof(Matrix11))]
    public async Task Close_waits_for_acknowledgements_the_destination_holds_and_completes_once_they_come(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination, rm, soap);
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("a").Within(Bounded.Short);
        await session.PostAsync("b").Within(Bounded.Short);

        var close = session.CloseAsync();

        // The destination holds its acknowledgements for a while: asked and retransmitted, the session stays healthy.
        await driver.RunUntilAsync(() => destination.StandaloneAckRequests >= 3 && destination.TransmissionsOf(1) >= 2);
        Assert.False(close.IsCompleted);
        Assert.False(session.IsFaulted);
        Assert.Equal(2, session.UnacknowledgedCount);

        // Released before each timer: the next AckRequested (or retransmission) brings the acknowledgements, and close
        // then goes on by itself, well within its 20 s.
        await driver.RunUntilAsync(() => close.IsCompleted, beforeJump: destination.Release,
            notAfter: LateAckSessions.Start + TimeSpan.FromSeconds(15), completion: close);
        await close.Within(Bounded.Short);
        Assert.False(session.IsFaulted);
        Assert.Equal(["a", "b"], destination.Posts);
        Assert.True(destination.TransmissionsOf(1) <= 1 + options.MaxRetryCount);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [InlineData(WsRmVersion.Rm11)] // 1.0: LastMessageCloseTests
    public async Task Close_fails_naming_the_messages_when_acknowledgements_never_come(WsRmVersion rm)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination, rm);
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("a").Within(Bounded.Short);
        await session.PostAsync("b").Within(Bounded.Short);

        var close = session.CloseAsync();
        await driver.RunUntilAsync(() => close.IsCompleted);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => close).Within(Bounded.Short);
        Assert.Contains("did not complete within 00:00:20", error.Message);
        Assert.Contains("Message(s) 1, 2 were not acknowledged", error.Message);
        Assert.True(session.IsFaulted);
        Assert.Equal(0, destination.CloseSequences); // never closed over missing acknowledgements
        Assert.True(destination.TransmissionsOf(1) <= 1 + options.MaxRetryCount);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task Close_fails_naming_a_message_the_destination_accepted_but_dropped()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        destination.Drop(2);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination), time);
        for (var i = 1; i <= 3; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.CloseAsync()).Within(Bounded.Short);

        Assert.Contains("without acknowledging message(s) 2", error.Message);
        Assert.True(session.IsFaulted);
        Assert.Equal(["p1", "p3"], destination.Posts);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task A_full_window_blocks_the_next_call_asks_at_once_and_resumes_when_acknowledged(WsRmVersion rm)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination, rm);
        options.MaxTransferWindowSize = 2;
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("1").Within(Bounded.Short);
        await session.PostAsync("2").Within(Bounded.Short);

        var third = session.PostAsync("3");

        // A standalone AckRequested goes out at once, without any timer; its answer holds nothing new.
        await destination.WhenAsync(d => d.StandaloneAckRequests == 1).Within(Bounded.Short);
        await driver.IdleAsync();
        Assert.Equal(LateAckSessions.Start, time.GetUtcNow());
        Assert.False(third.IsCompleted);

        destination.Release();
        await driver.RunUntilAsync(() => third.IsCompleted, notAfter: LateAckSessions.Start + TimeSpan.FromSeconds(15), completion: third);
        await third.Within(Bounded.Short);
        Assert.Equal(["1", "2", "3"], destination.Posts);
        Assert.False(session.IsFaulted);
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_call_blocked_by_a_full_window_times_out_without_faulting_the_session()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination);
        options.MaxTransferWindowSize = 1;
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("held").Within(Bounded.Short);

        var blocked = session.PostAsync("blocked");
        await driver.RunUntilAsync(() => blocked.IsCompleted);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => blocked).Within(Bounded.Short);
        Assert.Contains("did not complete within 00:00:20", error.Message);
        Assert.False(session.IsFaulted);
        Assert.Equal(["held"], destination.Posts);
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }
}
