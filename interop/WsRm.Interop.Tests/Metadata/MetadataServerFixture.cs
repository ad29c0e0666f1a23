using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// A WsRm server on real Kestrel that publishes metadata (<c>PublishMetadata</c> on for the whole server): the sample
/// echo plain at <c>/plain/echo</c> and reliable at <c>/echo</c>, the <see cref="IOrderDesk"/> plain at
/// <c>/plain/orders</c> and reliable at <c>/orders</c>, and both contracts (two namespaces) at <c>/plain/front-desk</c>.
/// Every POST and its answer are kept (<see cref="Exchanges"/>),
/// as they were on the wire, for the schema validation.
/// </summary>
public sealed class MetadataServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly ConcurrentQueue<CapturedExchange> _exchanges = new();
    private LoopbackServer? _server;

    /// <summary>The POSTs answered so far, oldest first.</summary>
    public IReadOnlyList<CapturedExchange> Exchanges => _exchanges.ToArray();

    /// <summary>The cancellations the order desk recorded.</summary>
    public CancelledOrders Cancelled => _server!.Services.GetRequiredService<CancelledOrders>();

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public Uri Url(string path) => _server!.Url(path);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = new LoopbackServer(Map, builder =>
        {
            builder.Logging.AddProvider(new MessageSinkLoggerProvider(diagnostics));
            builder.Services.AddSingleton<PostedTexts>();
            builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
            builder.Services.AddSingleton<CancelledOrders>();
            builder.Services.AddWsRmServer(o => o.PublishMetadata = true);
        });
        await _server.StartAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => _server?.StopAsync() ?? Task.CompletedTask;

    private void Map(WebApplication app)
    {
        app.Use(CaptureAsync);
        app.MapSoapService<EchoService>("/plain/echo", o => o.Contract = typeof(IEchoService));
        app.MapWsRmService<EchoService>("/echo", o => o.Contract = typeof(IEchoService));
        app.MapSoapService<OrderDesk>("/plain/orders");
        app.MapWsRmService<OrderDesk>("/orders");
        app.MapSoapService<FrontDesk>("/plain/front-desk");
    }

    private async Task CaptureAsync(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next(http);
            return;
        }

        http.Request.EnableBuffering();
        string request = await new StreamReader(http.Request.Body, leaveOpen: true).ReadToEndAsync(http.RequestAborted);
        http.Request.Body.Position = 0;
        Stream original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        string response = await new StreamReader(buffer).ReadToEndAsync(http.RequestAborted);
        _exchanges.Enqueue(new CapturedExchange(http.Request.Path, http.Response.StatusCode, request, response));
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }
}
