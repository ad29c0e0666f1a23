using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.TestHost;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Harness.Gated;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Diagnostics;

/// <summary>
/// An in-memory server with <see cref="GatedEchoService"/> at <c>/echo</c> (a text starting with "throw" makes it fail),
/// a <see cref="FakeTimeProvider"/> clock and every log record of the server kept in <see cref="Logs"/>, which outlives
/// the host (to see what it logs while stopping).
/// </summary>
internal sealed class LoggedHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _disposed;

    private LoggedHost(WebApplication app, FakeTimeProvider time, FakeLogCollector logs)
    {
        _app = app;
        Time = time;
        Logs = logs;
        Wire = new WireClient(app.GetTestClient());
    }

    public FakeTimeProvider Time { get; }
    public FakeLogCollector Logs { get; }
    public WireClient Wire { get; }

    public static async Task<LoggedHost> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        var app = TestApp.Build(
            b =>
            {
                b.Logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
                b.Services.AddSingleton<TimeProvider>(time);
                b.Services.AddSingleton(new DeliveryGate());
                b.Services.AddSingleton<PostedTexts>();
                b.Services.AddSingleton<IPostedTexts>(sp => sp.GetRequiredService<PostedTexts>());
                b.Services.AddWsRmServer();
            },
            a => a.MapWsRmService<GatedEchoService>("/echo"));
        await app.StartAsync().Within();
        return new LoggedHost(app, time, logs);
    }

    /// <summary>The end-of-sequence records (event 20) of sequence <paramref name="id"/>.</summary>
    public FakeLogRecord[] Ends(string id) => [.. Logs.GetSnapshot().Where(r => r.Id.Id == 20 && r.GetStructuredStateValue("SequenceId") == id)];

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _app.StopAsync().Within();
        await _app.DisposeAsync();
    }
}
