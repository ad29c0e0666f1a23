using System.Text;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// Against the real WsRm server, which acknowledges every message it accepts on its own response, the
/// late-acknowledgement machinery stays off: application messages carry AckRequested only once an answer came without
/// an acknowledgement, which the server sends only for a message its full buffer could not take (an empty 202, as WCF's
/// destination answers it). One caller at a time never overfills the buffer, so then none carries it at all.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AcknowledgingServiceTests(ServerFixture server)
{
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Messages_to_a_service_that_acknowledges_on_its_responses_never_carry_AckRequested(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();
        var prefix = $"ack-{rm}-{soap}-{Guid.NewGuid():N}-";

        // Each completes on its answer, which carries its acknowledgement (under load, a retransmission's answer may
        // come first, without it: the call completes all the same, and the message waits for the original's).
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => session.PostAsync(prefix + i))).Within();
        Assert.Equal("x", await session.EchoAsync("x"));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();
        Assert.Equal(0, session.UnacknowledgedCount);

        Assert.True(recorder.Requests >= 43);
        if (recorder.Empty202 == 0) Assert.Equal(0, recorder.WithAckRequested);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task One_caller_at_a_time_never_sends_AckRequested(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();
        var prefix = $"ack1-{rm}-{soap}-{Guid.NewGuid():N}-";

        for (var i = 0; i < 30; i++) await session.PostAsync(prefix + i).Within();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();

        Assert.Equal(0, recorder.Empty202);
        Assert.Equal(0, recorder.WithAckRequested);
    }

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    // Counts the requests, and the application messages (not AckRequested themselves) whose envelope mentions AckRequested.
    private sealed class RecordingHandler() : DelegatingHandler(WsRmHttp.CreateHandler())
    {
        private int _requests;
        private int _withAckRequested;
        private int _empty202;

        public int Requests => Volatile.Read(ref _requests);

        public int WithAckRequested => Volatile.Read(ref _withAckRequested);

        public int Empty202 => Volatile.Read(ref _empty202);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = Encoding.UTF8.GetString(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            var action = EnvelopeHeaders.Read(Encoding.UTF8.GetBytes(body))?.Action ?? "";
            Interlocked.Increment(ref _requests);
            if (!action.EndsWith("/AckRequested", StringComparison.Ordinal) && body.Contains("AckRequested", StringComparison.Ordinal))
                Interlocked.Increment(ref _withAckRequested);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted && response.Content.Headers.ContentLength is null or 0)
                Interlocked.Increment(ref _empty202);
            return response;
        }
    }
}
