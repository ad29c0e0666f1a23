using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WsRm.Testing;

/// <summary>
/// A real Kestrel application on 127.0.0.1 for tests. The first start takes an ephemeral port; <see cref="StopAsync"/>
/// closes it (connections are then refused) and <see cref="StartAsync"/> builds the application anew on the same
/// port, as a restarted server. Logging is off unless the configuration adds a provider; shutdown waits at most
/// <see cref="ShutdownTimeout"/> for requests in flight; starting and stopping are bounded by <see cref="Bounded.Long"/>.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>How long a stop waits for requests in flight before aborting them.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly Func<string[], Action<WebApplicationBuilder>, WebApplication> _build;
    private WebApplication? _app;

    /// <summary>
    /// A server built by <paramref name="build"/> from command-line arguments (<c>--urls</c> is passed) and a
    /// configuration of the builder to apply, as <c>HostApp.Build</c>.
    /// </summary>
    public LoopbackServer(Func<string[], Action<WebApplicationBuilder>, WebApplication> build) => _build = build;

    /// <summary>A slim application: <paramref name="configure"/> sets up its services, <paramref name="map"/> its endpoints.</summary>
    public LoopbackServer(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null)
        : this((args, defaults) =>
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = args, ApplicationName = typeof(LoopbackServer).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory,
            });
            defaults(builder);
            configure?.Invoke(builder);
            var app = builder.Build();
            map(app);
            return app;
        })
    {
    }

    /// <summary>The port, once started.</summary>
    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool IsRunning => _app is not null;

    /// <summary>The running application's services.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>The absolute address of <paramref name="path"/> on this server.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Builds and starts a slim application (see the constructor).</summary>
    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, Action<WebApplicationBuilder>? configure = null)
    {
        var server = new LoopbackServer(map, configure);
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Starts the server (again): on an ephemeral port the first time, then on the port it had.</summary>
    public async Task StartAsync()
    {
        if (_app is not null) return;
        var app = _build(["--urls", $"http://127.0.0.1:{Port}"], b =>
        {
            b.Logging.ClearProviders();
            b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        });
        await app.StartAsync().Within().ConfigureAwait(false);
        _app = app;
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
    }

    /// <summary>Stops the server and closes its port.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app) return;
        _app = null;
        try
        {
            await app.StopAsync().Within().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().Within().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
