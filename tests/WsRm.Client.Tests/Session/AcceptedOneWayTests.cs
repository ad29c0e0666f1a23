using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// One-way calls against destinations that answer HTTP 202 without an acknowledgement (real Kestrel on loopback, the
/// session on a FakeTimeProvider): the call completes when the service accepted the message, the message stays in
/// the window until acknowledged, and the session asks for acknowledgements with AckRequested.
/// </summary>
public sealed class AcceptedOneWayTests
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Post_returns_on_the_202_and_the_message_is_acknowledged_through_AckRequested(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnAckRequested);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, rm, soap), time);
        using var driver = new FakeTimeDriver(session, time);

        await session.PostAsync("one").Within(Bounded.Short);

        // Completed without waiting: no time passed, nothing acknowledged, nothing asked yet.
        Assert.Equal(LateAckSessions.Start, time.GetUtcNow());
        Assert.Equal(1, session.UnacknowledgedCount);
        Assert.Equal(0, destination.StandaloneAckRequests);
        Assert.Equal(["one"], destination.Posts);

        // At its retransmission timer the message is asked for, not resent, and the answer acknowledges it.
        await driver.RunUntilAsync(() => session.UnacknowledgedCount == 0);
        Assert.Equal(1, destination.StandaloneAckRequests);
        Assert.Equal(1, destination.TransmissionsOf(1));
        Assert.False(session.IsFaulted);

        // Now known to acknowledge late, the next message carries AckRequested and its answer acknowledges it.
        await session.PostAsync("two").Within(Bounded.Short);
        Assert.Equal(0, session.UnacknowledgedCount);
        Assert.Equal(1, destination.AckRequestedHeaders);

        await session.CloseAsync().Within(Bounded.Short);
        Assert.False(session.IsFaulted);
        Assert.Equal(["one", "two"], destination.Posts);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Acknowledgements_piggybacked_on_a_later_reply_release_the_window(WsRmVersion rm, WsRmSoapVersion soap)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination, rm, soap), time);

        await session.PostAsync("a").Within(Bounded.Short);
        await session.PostAsync("b").Within(Bounded.Short);
        Assert.Equal(2, session.UnacknowledgedCount);

        Assert.Equal("x", await session.EchoAsync("x")); // its reply acknowledges 1-3
        Assert.Equal(0, session.UnacknowledgedCount);
        Assert.Equal(LateAckSessions.Start, time.GetUtcNow());
        Assert.Equal(["a", "b"], destination.Posts);
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task A_gSOAP_like_destination_is_closed_with_CloseSequence_whose_final_acknowledgement_covers_the_posts()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination), time);

        for (var i = 0; i < 5; i++) await session.PostAsync($"p{i}").Within(Bounded.Short);
        Assert.Equal(5, session.UnacknowledgedCount);

        // AckRequested (answered 202, like everything gSOAP answers) cannot help: close asks the final acknowledgement.
        await session.CloseAsync().Within(Bounded.Short);
        Assert.False(session.IsFaulted);
        Assert.Equal(0, session.UnacknowledgedCount);
        Assert.Equal(1, destination.StandaloneAckRequests);
        Assert.Equal(1, destination.CloseSequences);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"p{i}"), destination.Posts);
        Assert.All(Enumerable.Range(1, 5), n => Assert.Equal(1, destination.TransmissionsOf((ulong)n)));
        Assert.Equal(LateAckSessions.Start, time.GetUtcNow());
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task An_acknowledgement_in_the_body_of_a_202_is_read()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnAckRequested, acknowledgementStatus: 202);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination), time);
        using var driver = new FakeTimeDriver(session, time);

        await session.PostAsync("one").Within(Bounded.Short);
        await driver.RunUntilAsync(() => session.UnacknowledgedCount == 0); // the AckRequested's 202 carries it
        await session.PostAsync("two").Within(Bounded.Short);
        Assert.Equal(0, session.UnacknowledgedCount);

        await session.CloseAsync().Within(Bounded.Short);
        Assert.Equal(1, destination.StandaloneAckRequests);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task An_acknowledgement_on_another_sessions_response_reaches_its_session()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnAckRequested, acknowledgeEverySequence: true);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        using var factory = new WsRmChannelFactory<WsRm.Host.Services.IEchoService>(LateAckSessions.Options(destination), http, time);
        var first = await factory.OpenSessionAsync().Within(Bounded.Short);
        var second = await factory.OpenSessionAsync().Within(Bounded.Short);
        Assert.Equal(2, factory.Acknowledgements.Count);

        await first.PostAsync("first").Within(Bounded.Short);
        await second.PostAsync("second 1").Within(Bounded.Short);
        Assert.Equal((1, 1), (first.UnacknowledgedCount, second.UnacknowledgedCount));

        // The second session's next message asks; the answer acknowledges both sequences.
        await second.PostAsync("second 2").Within(Bounded.Short);
        Assert.Equal((0, 0), (first.UnacknowledgedCount, second.UnacknowledgedCount));
        Assert.Equal(0, destination.StandaloneAckRequests);

        await first.CloseAsync().Within(Bounded.Short);
        await second.CloseAsync().Within(Bounded.Short);
        Assert.Equal(0, factory.Acknowledgements.Count);
        await first.DisposeAsync().Within(Bounded.Short);
        await second.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task Post_does_not_complete_before_the_transport_answered_a_transmission()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnAckRequested);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        var failing = new FailingFirstHandler(EchoContract.Post, count: 2);
        using var http = new HttpClient(failing) { Timeout = Timeout.InfiniteTimeSpan };
        var log = new RecordingLogger(time);
        var session = await WsRmSession.OpenAsync(http, LateAckSessions.Options(destination), time, log).Within(Bounded.Short);
        using var driver = new FakeTimeDriver(session, time);

        var post = session.PostAsync("eventually");
        await driver.IdleAsync();
        Assert.Equal(1, failing.Failures);
        Assert.False(post.IsCompleted);

        // Until a transmission arrives (and, the driver being idle, its 202 was processed): the call then completes.
        await driver.RunUntilAsync(() => destination.TransmissionsOf(1) == 1);
        await post.Within(Bounded.Short);
        Assert.Equal(2, failing.Failures);
        Assert.Equal(1, destination.TransmissionsOf(1)); // the third transmission, the first that arrived
        Assert.True(TimeSpan.FromMilliseconds(300) == time.GetUtcNow() - LateAckSessions.Start, log.Dump()); // 0.1 s, then 0.2 s
        session.Abort();
        await session.DisposeAsync().Within(Bounded.Short);
    }

    public static TheoryData<int, bool> Faults() => new()
    {
        { 200, false }, // an application fault in a 200
        { 500, false },
        { 202, true },  // a WS-RM fault in the body of a 202
        { 500, true },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_answering_a_one_way_message_fails_the_Post_and_ends_the_session(int status, bool rmFault)
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnAckRequested);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var session = await LateAckSessions.OpenAsync(http, LateAckSessions.Options(destination), time);
        var fault = rmFault
            ? new SequenceTerminatedFault(destination.SequenceId!, FaultCodeKind.Receiver, "The queue is gone.")
                .ToSoapFault(RmVersion.Rm11, SoapVersion.Soap12, AddressingVersion.WsAddressing10)
            : new SoapFault(FaultCodeKind.Receiver, null, "The one-way handler failed.");
        destination.FaultNextOneWay(fault, status);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => session.PostAsync("boom")).Within(Bounded.Short);

        if (rmFault) Assert.Equal("SequenceTerminated", Assert.IsType<WsRmFaultException>(error).Subcode);
        else Assert.Contains("one-way handler failed", Assert.IsType<SoapFaultException>(error).Reason);
        Assert.True(session.IsFaulted);
        await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.PostAsync("after")).Within(Bounded.Short);
        await session.DisposeAsync().Within(Bounded.Short);
    }

    [Fact]
    public async Task An_idle_session_whose_destination_answers_only_202_stays_open_past_the_inactivity_timeout()
    {
        await using var destination = await LateAckDestination.StartAsync(LateAckMode.OnLaterResponse);
        var time = new FakeTimeProvider(LateAckSessions.Start);
        using var http = Sessions.Http();
        var options = LateAckSessions.Options(destination);
        options.InactivityTimeout = TimeSpan.FromSeconds(10);
        var session = await LateAckSessions.OpenAsync(http, options, time);
        using var driver = new FakeTimeDriver(session, time);

        // Keep-alive AckRequested every 5 s, each answered 202: the service is there, it just has nothing to say.
        await driver.RunUntilAsync(() => destination.StandaloneAckRequests >= 4);
        Assert.False(session.IsFaulted);
        Assert.True(time.GetUtcNow() - LateAckSessions.Start >= TimeSpan.FromSeconds(20), $"after {time.GetUtcNow() - LateAckSessions.Start}");
        await session.CloseAsync().Within(Bounded.Short);
        await session.DisposeAsync().Within(Bounded.Short);
    }
}
