using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// The sample host exports over OTLP (HTTP/protobuf here) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: a real
/// receiver on loopback gets WsRm's spans and metrics; without it (and without Prometheus) no OpenTelemetry is set up.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithAnEndpoint_WsRmSpansAndMetricsReachTheReceiver()
    {
        var received = new ConcurrentQueue<(string Signal, string Body)>();
        var arrived = new SemaphoreSlim(0);
        await using var receiver = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            // Protobuf keeps strings as UTF-8 bytes: names can be found in the body as text.
            received.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray())));
            arrived.Release();
            return Results.Ok();
        }));
        await using var host = new EchoHost(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.BaseAddress.ToString().TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_METRIC_EXPORT_INTERVAL", "200"));

        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));
        await session.EchoOkAsync(1, "traced");

        bool Has(string signal, string text) => received.Any(r => r.Signal == signal && r.Body.Contains(text, StringComparison.Ordinal));
        // Real sockets and the exporters' own timers: a wall-clock bound.
        using var bound = new CancellationTokenSource(Bounded.Long);
        while (!(Has("traces", "wsrm.deliver") && Has("metrics", "wsrm.messages.delivered")))
        {
            var e = await Record.ExceptionAsync(() => arrived.WaitAsync(bound.Token));
            Assert.True(e is null, $"Not exported within {Bounded.Long}: got {string.Join(", ", received.Select(r => r.Signal))}");
        }

        Assert.True(Has("traces", WsRmServerDiagnostics.ActivitySourceName));
        Assert.True(Has("metrics", WsRmServerDiagnostics.MeterName));
        Assert.True(Has("traces", "WsRm.Host"), "service.name");
    }

    [Fact]
    public async Task WithoutEndpointOrPrometheus_NoOpenTelemetryIsSetUp()
    {
        await using var host = new EchoHost();

        Assert.Null(host.Services.GetService<MeterProvider>());
    }
}
