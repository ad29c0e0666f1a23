using WsRm.Host.Services;

namespace WsRm.Host;

/// <summary>Builds the runnable server: the sample echo service, reliable at <c>/echo</c> and plain at <c>/plain/echo</c>.</summary>
public static class HostApp
{
    /// <summary>The default address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the application from command-line arguments (<c>--urls</c>, <c>--WsRm:InactivityTimeout</c>, …).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        builder.Services.AddSingleton<PostedTexts>();
        builder.Services.AddWsRmServer(o => builder.Configuration.GetSection("WsRm").Bind(o));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapWsRmService<EchoService>("/echo");
        app.MapSoapService<EchoService>("/plain/echo");
        app.MapGet("/", () => "WsRm host: reliable echo at /echo, plain echo at /plain/echo (SOAP 1.1 or 1.2, WS-RM 1.0 or 1.1).");
        return app;
    }
}
