using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Server.Tests.Dispatch;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// An in-memory server for <see cref="MultiContract.GreeterMeter"/> (contracts IGreeter and IMeter): reliable at
/// <c>/multi</c>, plain at <c>/plain/multi</c>, and narrowed to IMeter at <c>/multi/meter</c> and <c>/plain/multi/meter</c>.
/// </summary>
internal sealed class MultiContractHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MultiContractHost(WebApplication app)
    {
        _app = app;
        Wire = new WireClient(app.GetTestClient());
    }

    public WireClient Wire { get; }

    public static async Task<MultiContractHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmServer();
        var app = builder.Build();
        app.MapWsRmService<MultiContract.GreeterMeter>("/multi");
        app.MapSoapService<MultiContract.GreeterMeter>("/plain/multi");
        app.MapWsRmService<MultiContract.GreeterMeter>("/multi/meter", o => o.Contract = typeof(MultiContract.IMeter));
        app.MapSoapService<MultiContract.GreeterMeter>("/plain/multi/meter", o => o.Contract = typeof(MultiContract.IMeter));
        await app.StartAsync().Within();
        return new MultiContractHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Within();
        await _app.DisposeAsync();
    }
}
