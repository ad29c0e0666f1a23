using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace WsRm.Server.Tests.Hosting;

/// <summary>A minimal in-memory WebApplication on a TestServer, for hosting tests that map their own services.</summary>
internal static class TestApp
{
    public static WebApplication Build(Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map?.Invoke(app);
        return app;
    }
}
