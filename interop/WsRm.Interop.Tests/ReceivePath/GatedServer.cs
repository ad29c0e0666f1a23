using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Interop.Tests.Infrastructure;
using WsRm.Testing;
using WsRm.Server;

namespace WsRm.Interop.Tests.ReceivePath;

/// <summary>
/// A real Kestrel server on loopback with <see cref="GatedEcho"/> at /echo and /echo-unordered, for one test; counts
/// the HTTP statuses it answered with.
/// </summary>
public sealed class GatedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly LoopbackServer _server;

    private GatedServer(Action<WsRmServerOptions>? configure, TimeSpan? shutdownTimeout)
    {
        _server = new LoopbackServer(app =>
        {
            app.Use(async (context, next) =>
            {
                await next(context);
                _statuses.AddOrUpdate(context.Response.StatusCode, 1, (_, n) => n + 1);
            });
            app.MapWsRmService<GatedEcho>("/echo");
            app.MapWsRmService<GatedEcho>("/echo-unordered", o => o.Ordered = false);
        }, builder =>
        {
            builder.Services.AddSingleton<InteropGate>();
            builder.Services.AddSingleton<PostedTexts>();
            builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
            builder.Services.AddWsRmServer(configure);
            if (shutdownTimeout is { } timeout) builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = timeout);
        });
    }

    public IServiceProvider Services => _server.Services;
    public InteropGate Gate => Services.GetRequiredService<InteropGate>();
    public PostedTexts Posted => Services.GetRequiredService<PostedTexts>();
    public Uri Url(string path) => _server.Url(path);

    /// <summary>Stops the host (held requests answered at once), without disposing this server.</summary>
    public Task StopHostAsync() => _server.StopAsync();

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

    public static async Task<GatedServer> StartAsync(Action<WsRmServerOptions>? configure = null, TimeSpan? shutdownTimeout = null)
    {
        var server = new GatedServer(configure, shutdownTimeout);
        await server._server.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.IsRunning) Gate.Open();
        await _server.DisposeAsync();
    }
}
