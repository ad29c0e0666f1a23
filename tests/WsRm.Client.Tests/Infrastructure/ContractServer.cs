using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Client.Tests.Contracts.Samples;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1:0 serving the sample contracts reliably at /orders and /invoices.</summary>
public sealed class ContractServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private ContractServer(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public Uri Orders => _server.Url("/orders");

    public Uri Invoices => _server.Url("/invoices");

    public static async Task<ContractServer> StartAsync(bool includeExceptionDetail = false) =>
        new(await LoopbackServer.StartAsync(
            app =>
            {
                app.MapWsRmService<OrderService>("/orders");
                app.MapWsRmService<InvoiceService>("/invoices");
            },
            builder => builder.Services.AddWsRmServer(o => o.IncludeExceptionDetailInFaults = includeExceptionDetail)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>One <see cref="ContractServer"/> for a test class.</summary>
public sealed class ContractServerFixture : IAsyncLifetime
{
    public ContractServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ContractServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
