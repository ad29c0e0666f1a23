using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;
using WsRm.Server;

namespace WsRm.Interop.Tests.ReceivePath;

/// <summary>
/// A real Kestrel server on loopback with <see cref="GatedEcho"/> at /echo and /echo-unordered, for one test; counts
/// the HTTP statuses it answered with.
/// </summary>
public sealed class GatedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    private GatedServer(WebApplication app) => App = app;

    public WebApplication App { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public InteropGate Gate => App.Services.GetRequiredService<InteropGate>();
    public PostedTexts Posted => App.Services.GetRequiredService<PostedTexts>();
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Waits (polling, bounded) until <paramref name="count"/> responses with <paramref name="status"/> were sent.</summary>
    public async Task AnsweredAsync(int status, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_statuses.GetValueOrDefault(status) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} responses with status {status} within {timeout}.");
            await Task.Delay(20);
        }
    }

    public static async Task<GatedServer> StartAsync(Action<WsRmServerOptions>? configure = null)
    {
        var builder = KestrelLoopback.CreateBuilder();
        builder.Services.AddSingleton<InteropGate>();
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddWsRmServer(configure);
        var app = builder.Build();
        var server = new GatedServer(app);
        app.Use(async (context, next) =>
        {
            await next(context);
            server._statuses.AddOrUpdate(context.Response.StatusCode, 1, (_, n) => n + 1);
        });
        app.MapWsRmService<GatedEcho>("/echo");
        app.MapWsRmService<GatedEcho>("/echo-unordered", o => o.Ordered = false);
        server.BaseAddress = await KestrelLoopback.StartAsync(app);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        await KestrelLoopback.StopAsync(App);
    }
}
