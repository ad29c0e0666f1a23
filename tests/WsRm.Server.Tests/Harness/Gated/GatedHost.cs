using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WsRm.Host.Services;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Harness.Gated;

/// <summary>
/// An in-memory server with <see cref="GatedEchoService"/> at <c>/echo</c> (ordered) and <c>/echo-unordered</c>, a
/// <see cref="FakeTimeProvider"/> clock and the given server options; with <c>keepLogs</c>, every log record of the
/// server in <see cref="Logs"/>, which outlives the host (to see what it logs while stopping).
/// </summary>
internal sealed class GatedHost : IAsyncDisposable
{
    private GatedHost(WebApplication app, FakeTimeProvider time, DeliveryGate gate, FakeLogCollector? logs)
    {
        App = app;
        Time = time;
        Gate = gate;
        Logs = logs;
        Wire = new WireClient(app.GetTestClient());
    }

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public DeliveryGate Gate { get; }
    public WireClient Wire { get; }

    /// <summary>The server's log records (Debug and up) when started with <c>keepLogs</c>, else null.</summary>
    public FakeLogCollector? Logs { get; }

    public static async Task<GatedHost> StartAsync(Action<WsRmServerOptions>? configure = null, bool keepLogs = false)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var gate = new DeliveryGate();
        var logs = keepLogs ? new FakeLogCollector() : null;
        var app = TestApp.Build(
            b =>
            {
                if (logs is not null) b.Logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
                b.Services.AddSingleton<TimeProvider>(time);
                b.Services.AddSingleton(gate);
                b.Services.AddSingleton<PostedTexts>();
        b.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
                b.Services.AddWsRmServer(configure);
            },
            a =>
            {
                a.MapWsRmService<GatedEchoService>("/echo");
                a.MapWsRmService<GatedEchoService>("/echo-unordered", o => o.Ordered = false);
            });
        await app.StartAsync().Within();
        return new GatedHost(app, time, gate, logs);
    }

    // Stopped first, as a host is: what it does while stopping (answering held requests, logging the sequences it ends)
    // happens before the test looks.
    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        await App.StopAsync().Within();
        await App.DisposeAsync();
    }
}
