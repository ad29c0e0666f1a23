using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// A Kestrel application on 127.0.0.1 that can be stopped (its port then refuses connections) and started again on
/// the same port. The first start takes an ephemeral port. Shutdown waits at most 1 s for requests in flight.
/// </summary>
internal sealed class KestrelOnPort(Func<string[], Action<WebApplicationBuilder>, WebApplication> build) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The port, once started.</summary>
    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _app is not null;

    /// <summary>The running application's services, or null when stopped.</summary>
    public IServiceProvider? Services => _app?.Services;

    public async Task StartAsync()
    {
        if (_app is not null) return;
        var app = build(["--urls", $"http://127.0.0.1:{Port}"], b =>
        {
            b.Logging.ClearProviders();
            b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        });
        await app.StartAsync().Within(Bounded.Short);
        _app = app;
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Port = address.Port;
    }

    public async Task StopAsync()
    {
        if (_app is not { } app) return;
        _app = null;
        await app.StopAsync().Within(Bounded.Short);
        await app.DisposeAsync().Within(Bounded.Short);
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
