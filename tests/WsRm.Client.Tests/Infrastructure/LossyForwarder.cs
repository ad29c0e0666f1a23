using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// A fault-injecting HTTP forwarder on loopback, driven by a seeded <see cref="Random"/>: drops requests and
/// responses (by aborting the connection), forwards some requests twice, and delays some (at most 50 ms, which also
/// reorders them). Bounded: at most <see cref="MaxInjected"/> faults are injected, then it forwards faithfully.
/// </summary>
internal sealed class LossyForwarder : IAsyncDisposable
{
    public const int MaxInjected = 400;

    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly HttpClient _client = new(WsRmHttp.CreateHandler()) { Timeout = TimeSpan.FromSeconds(20) };
    private readonly Uri _target;
    private WebApplication? _app;
    private int _injected;

    private LossyForwarder(Uri target, int seed)
    {
        _target = target;
        _random = new Random(seed);
    }

    public Uri Address { get; private set; } = null!;
    public int DroppedRequests { get; private set; }
    public int DroppedResponses { get; private set; }
    public int Duplicated { get; private set; }
    public int Delayed { get; private set; }

    public static async Task<LossyForwarder> StartAsync(Uri target, int seed)
    {
        var forwarder = new LossyForwarder(target, seed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(forwarder.HandleAsync);
        await app.StartAsync().Within();
        forwarder._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        forwarder.Address = new Uri(new Uri(address), target.PathAndQuery);
        return forwarder;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var (dropRequest, delay, duplicate, dropResponse) = Roll();
        if (dropRequest)
        {
            context.Abort();
            return;
        }
        if (delay > 0) await Task.Delay(delay);
        if (duplicate) (await ForwardAsync(context.Request, body)).Dispose();
        using var response = await ForwardAsync(context.Request, body);
        if (dropResponse)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = (int)response.StatusCode;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType is { } type) context.Response.ContentType = type.ToString();
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private (bool DropRequest, int Delay, bool Duplicate, bool DropResponse) Roll()
    {
        lock (_lock)
        {
            if (_injected >= MaxInjected) return (false, 0, false, false);
            var dropRequest = _random.NextDouble() < 0.2;
            var delay = _random.NextDouble() < 0.3 ? _random.Next(1, 51) : 0;
            var duplicate = _random.NextDouble() < 0.1;
            var dropResponse = _random.NextDouble() < 0.2;
            if (dropRequest) { DroppedRequests++; _injected++; return (true, 0, false, false); }
            if (delay > 0) { Delayed++; _injected++; }
            if (duplicate) { Duplicated++; _injected++; }
            if (dropResponse) { DroppedResponses++; _injected++; }
            return (false, delay, duplicate, dropResponse);
        }
    }

    private Task<HttpResponseMessage> ForwardAsync(HttpRequest request, byte[] body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.Headers.TryGetValue("SOAPAction", out var action)) message.Headers.TryAddWithoutValidation("SOAPAction", action.ToString());
        return _client.SendAsync(message);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().Within();
            await _app.DisposeAsync().Within();
        }
        _client.Dispose();
    }
}
