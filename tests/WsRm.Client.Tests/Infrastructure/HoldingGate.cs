using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// An HTTP forwarder on loopback in front of a destination. Passing, it forwards faithfully. Holding, it forwards each
/// request (the destination receives and processes it) but never answers: the response is kept from the client until
/// the client gives up or the gate passes again. So the sender has messages that arrived without knowing it.
/// </summary>
internal sealed class HoldingGate : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly LoopbackServer _host;
    private readonly HttpClient _client = new(WsRmHttp.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly Lock _lock = new();
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _holding;
    private int? _passFirst;
    private int _passing;
    private TaskCompletionSource _passedAll = Completed();
    private readonly HashSet<string> _passed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private (int Count, TaskCompletionSource Reached)? _awaited;

    private HoldingGate(Uri target)
    {
        _target = target;
        _host = new LoopbackServer((args, configure) =>
        {
            var builder = WebApplication.CreateSlimBuilder(args);
            configure(builder);
            var app = builder.Build();
            app.Run(HandleAsync);
            return app;
        });
    }

    /// <summary>Where the client posts: the gate's port with the target's path.</summary>
    public Uri Address => new(_host.BaseAddress, _target.PathAndQuery);

    public static async Task<HoldingGate> StartAsync(Uri target)
    {
        var gate = new HoldingGate(target);
        await gate._host.StartAsync();
        return gate;
    }

    /// <summary>From now on requests are forwarded and their responses held.</summary>
    public void Hold()
    {
        lock (_lock) _holding = true;
    }

    /// <summary>
    /// Lets the first <paramref name="messages"/> application messages (by wsa:MessageID, retransmissions included) and
    /// what comes before them pass, and holds every other request from then on (AckRequested included).
    /// </summary>
    public void HoldAfter(int messages)
    {
        lock (_lock) _passFirst = messages;
    }

    /// <summary>From now on requests pass; held responses are dropped (the connection is reset).</summary>
    public void Pass()
    {
        lock (_lock)
        {
            _holding = false;
            _passFirst = null;
            _released.TrySetResult();
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes once <paramref name="count"/> different messages (by wsa:MessageID) were forwarded with their responses held.</summary>
    public Task HeldAsync(int count)
    {
        lock (_lock)
        {
            if (_held.Count >= count) return Task.CompletedTask;
            _awaited = (count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return _awaited.Value.Reached.Task;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var addressing = EnvelopeHeaders.Read(body);
        var messageId = addressing?.MessageId;
        Task released;
        Task passedAll;
        bool holding;
        lock (_lock)
        {
            holding = _holding;
            released = _released.Task;
            if (_passFirst is { } first)
            {
                var post = addressing?.Action?.EndsWith("/Post", StringComparison.Ordinal) == true && messageId is not null;
                if (post && (_passed.Contains(messageId!) || _passed.Count < first)) _passed.Add(messageId!);
                else if (_passed.Count >= first) holding = true; // AckRequested too: no acknowledgement gets back
            }
            passedAll = _passedAll.Task;
            if (!holding && _passing++ == 0) _passedAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (!holding)
        {
            try
            {
                using var response = await ForwardAsync(context, body);
                var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
                context.Response.StatusCode = (int)response.StatusCode;
                if (response.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            }
            finally
            {
                Passed();
            }
            return;
        }

        // A held request reaches the service only once every passed one was answered: a passed answer the service
        // wrote after taking it would carry its acknowledgement to the client.
        await passedAll.WaitAsync(context.RequestAborted);
        using (var response = await ForwardAsync(context, body))
            await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        lock (_lock)
        {
            if (messageId is not null) _held.Add(messageId);
            if (_awaited is { } awaited && _held.Count >= awaited.Count) awaited.Reached.TrySetResult();
        }
        await Task.WhenAny(released, Task.Delay(Timeout.Infinite, context.RequestAborted));
        context.Abort();
    }

    private Task<HttpResponseMessage> ForwardAsync(HttpContext context, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        if (context.Request.Headers.TryGetValue("SOAPAction", out var action)) message.Headers.TryAddWithoutValidation("SOAPAction", action.ToString());
        return _client.SendAsync(message, context.RequestAborted);
    }

    private void Passed()
    {
        lock (_lock)
            if (--_passing == 0) _passedAll.TrySetResult();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.TrySetResult();
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        Pass();
        await _host.DisposeAsync();
        _client.Dispose();
    }
}
