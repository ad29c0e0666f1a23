using System.Collections.Concurrent;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Session;

/// <summary>Replies are handed to their callers in reply-sequence order even when the network reorders them.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReplyOrderTests(ServerFixture server)
{
    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_reply_that_overtook_an_earlier_one_waits_for_it(WsRmVersion rm, WsRmSoapVersion soap)
    {
        var handler = new HoldFirstEchoResponse(WsRmHttp.CreateHandler());
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Sessions.Options(server.EchoAddress, rm, soap);
        options.InitialRetransmissionTimeout = TimeSpan.FromSeconds(10); // the held reply must come back by itself
        await using var session = await WsRmSession.OpenAsync(http, options).Within();

        var completed = new ConcurrentQueue<string>();
        var first = session.EchoAsync("first").ContinueWith(t => completed.Enqueue(t.Result), TaskContinuationOptions.ExecuteSynchronously);
        await handler.FirstHeld.Task.Within();
        var second = session.EchoAsync("second").ContinueWith(t => completed.Enqueue(t.Result), TaskContinuationOptions.ExecuteSynchronously);

        // The second reply reached the client while the first is still held on the wire: the client holds it back.
        await Eventually.TrueAsync(() => session.HeldReplies > 0, "the second reply is held back", Bounded.Short);
        Assert.Empty(completed);
        Assert.False(second.IsCompleted);
        handler.ReleaseFirst();
        await Task.WhenAll(first, second).Within();

        // Both replies were handed over together, the first one first; the callers then resume on the thread pool.
        Assert.Equal(["first", "second"], completed.Order());
        Assert.Equal(0, session.HeldReplies);
        await session.CloseAsync().Within();
    }

    public static IEnumerable<object[]> Matrix() => Sessions.Matrix();

    // Holds the response to the first Echo until the response to the second one has been handed to the client.
    private sealed class HoldFirstEchoResponse(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _echoes;

        public TaskCompletionSource FirstHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseFirst() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var echo = body.Contains(EchoContract.Echo, StringComparison.Ordinal) ? Interlocked.Increment(ref _echoes) : 0;
            var response = await base.SendAsync(request, cancellationToken);
            if (echo == 1)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                FirstHeld.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken);
            }
            return response;
        }
    }
}
