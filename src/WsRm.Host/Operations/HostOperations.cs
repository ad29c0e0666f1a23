using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WsRm.Client;
using WsRm.Server;
using WsRm.Storage;

namespace WsRm.Host.Operations;

/// <summary>
/// What operators of the sample host see: health checks at <c>/health</c> (always), OpenTelemetry metrics and traces
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other standard <c>OTEL_*</c> variables),
/// and a Prometheus scrape endpoint at <c>/metrics</c> when <c>Samples:Metrics:Prometheus</c> is true (default false:
/// the endpoint answers anyone who can reach the host, and a host given <c>--urls</c> on a public interface should not
/// publish it unasked).
/// </summary>
internal static class HostOperations
{
    /// <summary>The configuration key that maps <c>/metrics</c>.</summary>
    public const string PrometheusKey = "Samples:Metrics:Prometheus";

    /// <summary>The OpenTelemetry service name of the sample host (<c>service.name</c>; <c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "WsRm.Host";

    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddWsRm();

        var prometheus = builder.Configuration.GetValue<bool>(PrometheusKey);
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp) return; // nothing would read them: no listener, no cost per measurement
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WsRmServerDiagnostics.MeterName, WsRmClientDiagnostics.MeterName, StoreMetrics.MeterName)
                    .AddAspNetCoreInstrumentation();
                if (prometheus) metrics.AddPrometheusExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                    .AddSource(WsRmServerDiagnostics.ActivitySourceName, WsRmClientDiagnostics.ActivitySourceName)
                    .AddAspNetCoreInstrumentation())
                .UseOtlpExporter(); // metrics, traces and logs; endpoint and protocol from OTEL_EXPORTER_OTLP_*
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthJson.WriteAsync });
        if (app.Configuration.GetValue<bool>(PrometheusKey)) app.MapPrometheusScrapingEndpoint(); // /metrics
    }
}
