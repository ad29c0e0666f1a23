using System.Collections.Concurrent;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>
/// Against the real WsRm server, which acknowledges on its answers, close sends what it always sent: 1.0 the LastMessage
/// then TerminateSequence, 1.1 CloseSequence then TerminateSequence, and no AckRequested.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AcknowledgingServiceCloseTests(ServerFixture server)
{
    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Close_sends_the_same_messages_as_before(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var recorder = new ActionRecorder();
        using var http = new HttpClient(recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Sessions.Options(server.EchoAddress, rm, soap);
        options.InitialRetransmissionTimeout = TimeSpan.FromSeconds(3); // a loaded machine should not add retransmissions
        var session = await WsRmSession.OpenAsync(http, options).Within();
        for (var i = 0; i < 3; i++) await session.PostAsync($"close-{rm}-{soap}-{i}").Within();
        Assert.Equal("x", await session.EchoAsync("x"));

        await session.CloseAsync().Within();

        // What followed the Echo; a retransmission, should one happen all the same, repeats the message before it.
        var names = recorder.Names;
        var afterEcho = names[(Array.LastIndexOf(names, "Echo") + 1)..];
        var close = afterEcho.Where((name, i) => i == 0 || name != afterEcho[i - 1]);
        Assert.Equal(rm == WsRmVersion.Rm10 ? ["LastMessage", "TerminateSequence"] : ["CloseSequence", "TerminateSequence"], close);
        Assert.DoesNotContain("AckRequested", names);
        Assert.False(session.IsFaulted);
    }

    // The last segment of each request's action, in order.
    private sealed class ActionRecorder() : DelegatingHandler(WsRmHttp.CreateHandler())
    {
        private readonly ConcurrentQueue<string> _names = new();

        public string[] Names => [.. _names];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var action = EnvelopeHeaders.Read(await request.Content!.ReadAsByteArrayAsync(cancellationToken))?.Action ?? "";
            _names.Enqueue(action[(action.LastIndexOf('/') + 1)..]);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
