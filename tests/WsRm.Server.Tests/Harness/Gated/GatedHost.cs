using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WsRm.Host.Services;
using WsRm.Server.Tests.Hosting;

namespace WsRm.Server.Tests.Harness.Gated;

/// <summary>
/// An in-memory server with <see cref="GatedEchoService"/> at <c>/echo</c> (ordered) and <c>/echo-unordered</c>, a
/// <see cref="FakeTimeProvider"/> clock and the given server options.
/// </summary>
internal sealed class GatedHost : IAsyncDisposable
{
    private GatedHost(WebApplication app, FakeTimeProvider time, DeliveryGate gate)
    {
        App = app;
        Time = time;
        Gate = gate;
        Wire = new WireClient(app.GetTestClient());
    }

    public WebApplication App { get; }
    public FakeTimeProvider Time { get; }
    public DeliveryGate Gate { get; }
    public WireClient Wire { get; }

    public static async Task<GatedHost> StartAsync(Action<WsRmServerOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var gate = new DeliveryGate();
        var app = TestApp.Build(
            b =>
            {
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
        return new GatedHost(app, time, gate);
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        await App.DisposeAsync();
    }
}
