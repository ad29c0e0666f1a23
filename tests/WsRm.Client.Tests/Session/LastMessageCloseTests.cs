using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// WS-RM 1.0 close against destinations that answer without acknowledging (real Kestrel on loopback, the session's
/// timers on a FakeTimeProvider). 1.0 has no CloseSequence: a destination that answers AckRequested without any
/// acknowledgement (gSOAP) is sent the LastMessage, asked once more, then TerminateSequence, whose answer's
/// acknowledgement must cover every message; any other answer fails the close naming the messages. A destination that
/// acknowledges when asked is waited for, never terminated early.
/// </summary>
public sealed class LastMessageCloseTests
{
    public static TheoryData<WsRmSoapVersion> Soap() => [WsRmSoapVersion.Soap11, WsRmSoapVersion.Soap12];

    [Theory]
    [MemberData(nameof(Soap))]
    public async Task A_gSOAP_like_destination_is_sent_the_LastMessage_then_TerminateSequence_whose_acknowledgement_closes(WsRmSoapVersion soap)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, WsRmVersion.Rm10, soap), time);
        for (var i = 0; i < 5; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);
        Assert.Equal(5, session.UnacknowledgedCount);

        await session.CloseAsync().Within(Bounded.Short);

        Assert.False(session.IsFaulted);
        Assert.Equal(0, session.UnacknowledgedCount);
        Assert.Equal(["AckRequested", "LastMessage", "AckRequested", "TerminateSequence"], Names(destination.Actions).Skip(6));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"p{i}"), destination.Posts);
        Assert.All(Enumerable.Range(1, 6), n => Assert.Equal(1, destination.TransmissionsOf((ulong)n)));
        Assert.Equal(LateAckSessions.Start, time.GetUtcNow()); // no timer: each step follows an answer
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task When_a_reply_acknowledged_the_posts_only_the_LastMessage_waits_for_TerminateSequence()
    {
        // The interop test's shape: gSOAP's Echo reply acknowledges 1..6, the LastMessage 7 gets a bare 202.
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, WsRmVersion.Rm10), time);
        for (var i = 0; i < 5; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);
        Assert.Equal("x", await session.EchoAsync("x"));
        Assert.Equal(0, session.UnacknowledgedCount);

        await session.CloseAsync().Within(Bounded.Short);

        Assert.False(session.IsFaulted);
        Assert.Equal(["Echo", "LastMessage", "AckRequested", "TerminateSequence"], Names(destination.Actions).Skip(6));
        Assert.Equal(1, destination.TransmissionsOf(7));
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_message_the_destination_accepted_but_dropped_fails_the_close_naming_it()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        destination.Drop(2);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, WsRmVersion.Rm10), time);
        for (var i = 1; i <= 3; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.CloseAsync()).Within(Bounded.Short);

        Assert.Contains($"terminated sequence {session.SequenceId} without acknowledging message(s) 2:", error.Message);
        Assert.True(session.IsFaulted);
        Assert.Equal(["p1", "p3"], destination.Posts);
        Assert.Equal(1, destination.TerminateSequences);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [InlineData(nameof(LateAckTerminateAnswer.ReplySequence))]
    [InlineData(nameof(LateAckTerminateAnswer.OwnSequence))]
    [InlineData(nameof(LateAckTerminateAnswer.OtherSequence))]
    public async Task The_body_of_the_TerminateSequence_answer_is_not_required_to_name_any_sequence(string answerName)
    {
        var answer = Enum.Parse<LateAckTerminateAnswer>(answerName);
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse, terminateAnswer: answer);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var log = new RecordingLogger(time);
        var session = await WsRmSession.OpenAsync(http, LateAckSessions.Options(destination, WsRmVersion.Rm10), time, log).Within(Bounded.Short);
        for (var i = 1; i <= 3; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);

        await session.CloseAsync().Within(Bounded.Short);

        Assert.False(session.IsFaulted);
        Assert.Equal(answer == LateAckTerminateAnswer.OtherSequence, log.Dump().Contains("neither ours nor the reply sequence", StringComparison.Ordinal));
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [InlineData(nameof(LateAckTerminateAnswer.WithoutAcknowledgement), "'http://schemas.xmlsoap.org/ws/2005/02/rm/TerminateSequence' without an acknowledgement")]
    [InlineData(nameof(LateAckTerminateAnswer.Empty), "no SOAP message")]
    [InlineData(nameof(LateAckTerminateAnswer.UnknownSequenceFault), "the fault UnknownSequence")]
    [InlineData(nameof(LateAckTerminateAnswer.SequenceTerminatedFault), "the fault SequenceTerminated")]
    public async Task A_TerminateSequence_answer_without_an_acknowledgement_fails_the_close_naming_every_message(string answerName, string described)
    {
        var answer = Enum.Parse<LateAckTerminateAnswer>(answerName);
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse, terminateAnswer: answer);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, WsRmVersion.Rm10), time);
        for (var i = 1; i <= 3; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);

        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.CloseAsync()).Within(Bounded.Short);

        Assert.Contains("without acknowledging message(s) 1, 2, 3, 4:", error.Message); // the posts and the LastMessage
        Assert.Contains("Its answer to TerminateSequence: " + described, error.Message);
        Assert.True(session.IsFaulted);
        Assert.Equal(["p1", "p2", "p3"], destination.Posts); // they did arrive: the client cannot know it, and says so
        Assert.Equal(1, destination.TerminateSequences);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_destination_that_acknowledges_what_it_processed_when_asked_is_waited_for_not_terminated()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination, WsRmVersion.Rm10);
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("a").Within(Bounded.Short);
        destination.Release(); // from now on an AckRequested is answered with the acknowledgement of 1
        await session.PostAsync("b").Within(Bounded.Short);
        await session.PostAsync("c").Within(Bounded.Short);

        var close = session.CloseAsync();

        // Asked and retransmitted, the destination answers with acknowledgements (not of 2 and 3 yet): keep waiting.
        await driver.RunUntilAsync(() => destination.StandaloneAckRequests >= 3 && destination.TransmissionsOf(2) >= 2);
        Assert.False(close.IsCompleted);
        Assert.False(session.IsFaulted);
        Assert.Equal(0, destination.TerminateSequences);
        Assert.DoesNotContain("LastMessage", Names(destination.Actions));

        // Released before each timer: 2 and 3, then the LastMessage, are acknowledged when asked; then TerminateSequence.
        await driver.RunUntilAsync(() => close.IsCompleted, beforeJump: destination.Release,
            notAfter: LateAckSessions.Start + TimeSpan.FromSeconds(15), completion: close);
        await close.Within(Bounded.Short);
        Assert.False(session.IsFaulted);
        Assert.Equal(["a", "b", "c"], destination.Posts);
        Assert.Equal(1, destination.TerminateSequences);
        Assert.Equal("TerminateSequence", Names(destination.Actions)[^1]);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task Acknowledgements_that_never_come_from_a_destination_that_answers_AckRequested_fail_the_close_by_its_timeout()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.WhenReleased);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination, WsRmVersion.Rm10);
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);
        await session.PostAsync("a").Within(Bounded.Short);
        destination.Release();
        await session.PostAsync("b").Within(Bounded.Short);

        var close = session.CloseAsync();
        await driver.RunUntilAsync(() => close.IsCompleted);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => close).Within(Bounded.Short);
        Assert.Contains("did not complete within 00:00:20", error.Message);
        Assert.Contains("Message(s) 2 were not acknowledged", error.Message);
        Assert.Equal(0, destination.TerminateSequences); // never terminated over missing acknowledgements
        Assert.True(destination.TransmissionsOf(2) <= 1 + options.MaxRetryCount);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    // The last segment of each action: "Post", "AckRequested", "LastMessage", "TerminateSequence", …
    private static string[] Names(string[] actions) => [.. actions.Select(a => a[(a.LastIndexOf('/') + 1)..])];
}
