using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The sample echo service in memory, reliable at <c>/echo</c> and, with <see cref="WsRmServiceOptions.Address"/> set to
/// <see cref="Logical"/>, at <c>/logical</c>; optionally behind UseForwardedHeaders (X-Forwarded-Proto, -Host and
/// -Prefix from any proxy) and under a PathBase.
/// </summary>
internal sealed class AddressingHost : IAsyncDisposable
{
    public const string Logical = "http://orders.partner.example/echo";

    private readonly WebApplication _app;

    private AddressingHost(WebApplication app)
    {
        _app = app;
        Wire = new WireClient(app.GetTestClient());
    }

    public WireClient Wire { get; }

    public static async Task<AddressingHost> StartAsync(bool forwardedHeaders = false, string? pathBase = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
        builder.Services.AddWsRmServer();
        var app = builder.Build();
        if (forwardedHeaders)
        {
            var options = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix,
            };
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            app.UseForwardedHeaders(options);
        }
        if (pathBase is not null) app.UsePathBase(pathBase);
        app.UseRouting();
        app.MapWsRmService<EchoService>("/echo");
        app.MapWsRmService<EchoService>("/logical", o => o.Address = new Uri(Logical));
        await app.StartAsync().Within();
        return new AddressingHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Within();
        await _app.DisposeAsync();
    }
}
