using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>The session against the real server, over Kestrel on loopback, for every RM × SOAP version.</summary>
[Collection(ServerCollection.Name)]
public sealed class WsRmSessionIntegrationTests(ServerFixture server)
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Echoes_posts_and_graceful_close(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var http = Sessions.Http();
        var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();
        await using (session)
        {
            // 50 echoes, 8 in flight at a time.
            var answers = new string[50];
            await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) => answers[i] = await session.EchoAsync($"hi {i}")).Within();
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"hi {i}"), answers);

            // 50 one-way posts, all started at once: numbered in call order, delivered in that order, once.
            var prefix = $"post-{rm}-{soap}-{Guid.NewGuid():N}-";
            var posts = Enumerable.Range(0, 50).Select(i => session.PostAsync(prefix + i)).ToArray();
            await Task.WhenAll(posts).Within();
            var received = await session.ReceivedAsync(prefix);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => prefix + i), received);

            await session.CloseAsync().Within();
            Assert.False(session.IsFaulted);
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.EchoAsync("after close")).Within();
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Unknown_action_comes_back_as_a_soap_fault_and_the_session_goes_on(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();

        var fault = await Assert.ThrowsAsync<SoapFaultException>(
            () => session.RequestAsync("urn:wsrm:samples/IEchoService/Nope", EchoContract.Body("Nope", "text", "x"))).Within();
        Assert.Equal("ActionNotSupported", (fault.Subcode ?? fault.Code).Name);
        Assert.Contains("Nope", fault.Reason);

        Assert.Equal("still here", await session.EchoAsync("still here"));
        await session.CloseAsync().Within();
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_sequence_the_server_no_longer_knows_faults_the_session_with_UnknownSequence(WsRmVersion rm, WsRmSoapVersion soap)
    {
        using var http = Sessions.Http();
        var options = Sessions.Options(server.EchoAddress, rm, soap);
        await using var session = await WsRmSession.OpenAsync(http, options).Within();
        Assert.Equal("one", await session.EchoAsync("one"));

        // The server forgets the sequence (as after a restart): terminate it behind the session's back.
        var messages = new MessageFactory(options.RmVersion, options.SoapVersion, server.EchoAddress.ToString());
        var terminate = messages.Control(Protocol.ReliableMessaging.SequenceControlKind.TerminateSequence,
            options.RmVersion.TerminateSequenceAction, session.SequenceId, null, null);
        var transport = new SoapTransport(http, server.EchoAddress, options.SoapVersion, 1 << 20);
        await transport.SendAsync(terminate, options.RmVersion.TerminateSequenceAction, CancellationToken.None).Within();

        var error = await Assert.ThrowsAsync<WsRmFaultException>(() => session.EchoAsync("two")).Within();
        Assert.Equal("UnknownSequence", error.Subcode);
        Assert.True(session.IsFaulted);
        var later = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.EchoAsync("three")).Within();
        Assert.IsType<WsRmFaultException>(later.InnerException);
    }

    [Fact]
    public async Task A_body_writer_that_throws_fails_only_its_call_and_uses_no_message_number()
    {
        using var http = Sessions.Http();
        await using var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm11, WsRmSoapVersion.Soap12)).Within();
        await Assert.ThrowsAsync<FormatException>(() => session.RequestAsync(EchoContract.Echo, _ => throw new FormatException("bad body"))).Within();
        Assert.Equal("fine", await session.EchoAsync("fine"));
        await session.CloseAsync().Within(); // a number consumed by the failed call would leave a gap and fail the close
    }

    [Fact]
    public async Task Abort_fails_pending_calls_and_dispose_after_close_is_quiet()
    {
        using var http = Sessions.Http();
        var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, WsRmVersion.Rm11, WsRmSoapVersion.Soap12)).Within();
        session.Abort();
        Assert.True(session.IsFaulted);
        await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => session.EchoAsync("x")).Within();
        await session.DisposeAsync().Within();
    }

    [Fact]
    public async Task Open_against_a_closed_port_retries_then_fails_with_a_clear_exception()
    {
        // On a test clock moved between attempts (each refused at once): the retries' delays count, not the machine's speed.
        var clock = new TestClock();
        var traffic = new TrafficRecorder(WsRmHttp.CreateHandler());
        using var http = new HttpClient(traffic) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Sessions.Options(new Uri("http://127.0.0.1:9/echo"), WsRmVersion.Rm11, WsRmSoapVersion.Soap12);
        options.MaxRetryCount = 2;
        options.InitialRetransmissionTimeout = TimeSpan.FromMilliseconds(50);
        var open = WsRmSession.OpenAsync(http, options, clock);
        await clock.RunUntilAsync(traffic, () => open.IsCompleted, () => true, () => null, clock.Start + TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<WsRmSessionFaultedException>(() => open).Within();
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, traffic.Sent.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} of clock time");
    }
}
