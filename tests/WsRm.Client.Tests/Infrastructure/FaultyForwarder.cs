using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// An HTTP forwarder on loopback in front of the real server, with scripted faults: the next requests carrying a
/// given wsa:Action get the faults queued for it, one each, and everything else is forwarded faithfully. It can be
/// stopped (connections refused) and started again on the same port.
/// </summary>
internal sealed class FaultyForwarder : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly KestrelOnPort _host;
    private readonly HttpClient _client = new(WsRmHttp.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ForwarderFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string? Action, ForwarderFault? Fault)> _requests = new();
    private readonly TaskCompletionSource<TimeSpan> _stallAbandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultyForwarder(Uri target)
    {
        _target = target;
        _host = new KestrelOnPort((args, configure) =>
        {
            var builder = WebApplication.CreateSlimBuilder(args);
            configure(builder);
            var app = builder.Build();
            app.Run(HandleAsync);
            return app;
        });
    }

    /// <summary>Where the client posts: the forwarder's port with the target's path.</summary>
    public Uri Address => new(_host.BaseAddress, _target.PathAndQuery);

    /// <summary>Every request received, with the fault applied to it (null: forwarded faithfully).</summary>
    public IReadOnlyList<(string? Action, ForwarderFault? Fault)> Requests => [.. _requests];

    /// <summary>Completes, with how long the response had been held, when a client gives up on a stalled response.</summary>
    public Task<TimeSpan> StallAbandoned => _stallAbandoned.Task;

    public static async Task<FaultyForwarder> StartAsync(Uri target)
    {
        var forwarder = new FaultyForwarder(target);
        await forwarder._host.StartAsync();
        return forwarder;
    }

    /// <summary>The next requests with wsa:Action <paramref name="action"/> get <paramref name="faults"/>, in order, one each.</summary>
    public void Inject(string action, params ForwarderFault[] faults)
    {
        var queue = _faults.GetOrAdd(action, _ => new ConcurrentQueue<ForwarderFault>());
        foreach (var fault in faults) queue.Enqueue(fault);
    }

    /// <summary>Faults queued and not yet applied.</summary>
    public int Pending => _faults.Values.Sum(q => q.Count);

    /// <summary>Closes the port: new connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => _host.StopAsync();

    /// <summary>Listens again on the same port.</summary>
    public Task StartAgainAsync() => _host.StartAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var action = EnvelopeAddressing.Read(body)?.Action;
        ForwarderFault? fault = action is not null && _faults.TryGetValue(action, out var queue) && queue.TryDequeue(out var f) ? f : null;
        _requests.Enqueue((action, fault));

        switch (fault)
        {
            case ForwarderFault.BadGateway: await HtmlAsync(context, 502, "Bad Gateway"); return;
            case ForwarderFault.ServiceUnavailable: await HtmlAsync(context, 503, "Service Unavailable"); return;
            case ForwarderFault.InternalErrorNotSoap: await HtmlAsync(context, 500, "Internal Server Error"); return;
            case ForwarderFault.NotFound: await HtmlAsync(context, 404, "Not Found"); return;
        }

        using var response = await ForwardAsync(context.Request, body, context.RequestAborted);
        var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        if (fault == ForwarderFault.StallResponse)
        {
            var held = Stopwatch.StartNew();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                _stallAbandoned.TrySetResult(held.Elapsed);
            }
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
        context.Response.ContentLength = bytes.Length;
        if (fault == ForwarderFault.ResetMidResponse)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private static async Task HtmlAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"<html><body><h1>{status} {reason}</h1></body></html>", context.RequestAborted);
    }

    private Task<HttpResponseMessage> ForwardAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.Headers.TryGetValue("SOAPAction", out var action)) message.Headers.TryAddWithoutValidation("SOAPAction", action.ToString());
        return _client.SendAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _client.Dispose();
    }
}
