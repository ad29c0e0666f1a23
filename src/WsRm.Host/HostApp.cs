using WsRm.Host.Services;

namespace WsRm.Host;

/// <summary>
/// Builds the runnable server: the sample echo service, reliable at <c>/echo</c> (in memory), durable at
/// <c>/durable/echo</c> and plain at <c>/plain/echo</c>, and the queued endpoint <c>/queue/post</c>; the posted texts of
/// all of them are kept in the WsRm store.
/// </summary>
public static class HostApp
{
    /// <summary>The default address when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the application from command-line arguments (<c>--urls</c>, <c>--WsRm:InactivityTimeout</c>,
    /// <c>--WsRm:Storage:Provider</c>, <c>--WsRm:Storage:ConnectionString</c>, <c>--WsRm:Endpoints:/queue/post:Lease</c>
    /// and the other <c>WsRmQueueOptions</c> of <c>/queue/post</c>, …). The <c>WsRm</c> section binds strictly: a
    /// misspelt key or a bad value stops startup naming the key.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        // The sample publishes its WSDL (GET /echo?wsdl, ?singleWsdl, ?xsd=xsd0); --WsRm:PublishMetadata false turns it off
        // (configuration binds over what the code sets).
        builder.Services.AddWsRmServer(builder.Configuration.GetSection("WsRm"), o => o.PublishMetadata = true);
        HostStorage.Add(builder.Services, builder.Configuration.GetSection("WsRm:Storage"));
        // Samples:PostedTexts=Memory keeps the texts in process memory instead: for load tests of the WS-RM stack alone.
        if (string.Equals(builder.Configuration["Samples:PostedTexts"], "Memory", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddSingleton<IPostedTexts, PostedTexts>();
        else
            builder.Services.AddSingleton<IPostedTexts, StoredPostedTexts>();
        Operations.HostOperations.Add(builder); // health checks; OpenTelemetry (OTLP, Prometheus) when configured
        configure?.Invoke(builder);

        var app = builder.Build();
        Operations.HostOperations.Map(app);     // /health, and /metrics with --Samples:Metrics:Prometheus true
        app.MapWsRmService<EchoService>("/echo");
        app.MapWsRmService<EchoService>("/durable/echo", o => o.Durable = true);
        // Its settings come from WsRm:Endpoints:/queue/post (--WsRm:Endpoints:/queue/post:Lease 00:00:05, …).
        if (app.Configuration.GetSection("Samples:PostQueue").Exists())
            throw new InvalidOperationException("Samples:PostQueue is now WsRm:Endpoints:/queue/post (e.g. --WsRm:Endpoints:/queue/post:Lease 00:00:05).");
        app.MapWsRmQueue<PostQueueService>("/queue/post");
        app.MapSoapService<EchoService>("/plain/echo");
        app.MapGet("/", () => "WsRm host: reliable echo at /echo, durable at /durable/echo, plain at /plain/echo, queued posts at /queue/post (SOAP 1.1 or 1.2, WS-RM 1.0 or 1.1).");
        return app;
    }
}
