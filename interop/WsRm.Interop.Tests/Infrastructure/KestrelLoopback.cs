using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Builds and starts small Kestrel apps on an ephemeral loopback port.</summary>
internal static class KestrelLoopback
{
    /// <summary>Time allowed to start or stop an app.</summary>
    public static readonly TimeSpan StartStopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A slim builder listening on http://127.0.0.1:0 without logging providers.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KestrelLoopback).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>Starts <paramref name="app"/> and returns its bound base address (no trailing slash).</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync().WaitAsync(StartStopTimeout);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First().TrimEnd('/'));
    }

    /// <summary>Stops and disposes <paramref name="app"/>.</summary>
    public static async Task StopAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync().WaitAsync(StartStopTimeout);
        }
        finally
        {
            await app.DisposeAsync().AsTask().WaitAsync(StartStopTimeout);
        }
    }
}
