using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Kestrel;

/// <summary>
/// The sample echo service on real Kestrel at http://127.0.0.1:&lt;ephemeral&gt;, reliable at <c>/echo</c> and plain at
/// <c>/plain/echo</c>, for behaviour that depends on Kestrel itself (its request limits, forwarded headers, the real
/// request URL), which the in-memory TestServer does not reproduce.
/// </summary>
internal sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public Uri BaseAddress { get; }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <param name="server">WsRm server options, e.g. MaxReceivedMessageSize.</param>
    /// <param name="kestrel">Kestrel's server-wide options, e.g. Limits.MaxRequestBodySize.</param>
    /// <param name="middleware">Middleware to run before the endpoints.</param>
    public static async Task<LoopbackApp> StartAsync(Action<WsRmServerOptions>? server = null,
        Action<KestrelServerOptions>? kestrel = null, Action<WebApplication>? middleware = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LoopbackApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (kestrel is not null) builder.WebHost.ConfigureKestrel(kestrel);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddWsRmServer(o => server?.Invoke(o));
        var app = builder.Build();
        middleware?.Invoke(app);
        app.MapWsRmService<EchoService>("/echo");
        app.MapSoapService<EchoService>("/plain/echo");
        await app.StartAsync().Within();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackApp(app, new Uri(address.TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().Within();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
