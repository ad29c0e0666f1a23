using System.Text;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// Against the real WsRm server, which acknowledges every message on its own response, the late-acknowledgement
/// machinery stays off: no AckRequested on the wire, one-way calls complete with their acknowledgement.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AcknowledgingServiceTests(ServerFixture server)
{
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_service_that_acknowledges_on_its_responses_is_never_sent_AckRequested(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var recorder = new RecordingHandler();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var session = await WsRmSession.OpenAsync(http, Sessions.Options(server.EchoAddress, rm, soap)).Within();
        var prefix = $"ack-{rm}-{soap}-{Guid.NewGuid():N}-";

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => session.PostAsync(prefix + i))).Within();
        Assert.Equal(0, session.UnacknowledgedCount); // each completed with its acknowledgement
        Assert.Equal("x", await session.EchoAsync("x"));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => prefix + i), await session.ReceivedAsync(prefix));
        await session.CloseAsync().Within();

        Assert.True(recorder.Requests >= 43);
        Assert.Equal(0, recorder.WithAckRequested);
    }

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    // Counts the requests, and those whose envelope mentions AckRequested.
    private sealed class RecordingHandler() : DelegatingHandler(WsRmHttp.CreateHandler())
    {
        private int _requests;
        private int _withAckRequested;

        public int Requests => Volatile.Read(ref _requests);

        public int WithAckRequested => Volatile.Read(ref _withAckRequested);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = Encoding.UTF8.GetString(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            Interlocked.Increment(ref _requests);
            if (body.Contains("AckRequested", StringComparison.Ordinal)) Interlocked.Increment(ref _withAckRequested);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
