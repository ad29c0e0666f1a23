using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsRm.Client.Tests.Contracts.Samples;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1:0 serving the sample contracts reliably at /orders and /invoices.</summary>
public sealed class ContractServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContractServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Orders => new(BaseAddress, "/orders");

    public Uri Invoices => new(BaseAddress, "/invoices");

    public static async Task<ContractServer> StartAsync(bool includeExceptionDetail = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmServer(o => o.IncludeExceptionDetailInFaults = includeExceptionDetail);
        var app = builder.Build();
        app.MapWsRmService<OrderService>("/orders");
        app.MapWsRmService<InvoiceService>("/invoices");
        await app.StartAsync().Within();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ContractServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().Within();
        await _app.DisposeAsync().Within();
    }
}

/// <summary>One <see cref="ContractServer"/> for a test class.</summary>
public sealed class ContractServerFixture : IAsyncLifetime
{
    public ContractServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ContractServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
