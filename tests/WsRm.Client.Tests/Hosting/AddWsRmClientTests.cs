using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Hosting;

/// <summary>AddWsRmClient: the factory from DI sends through IHttpClientFactory's named client, options checked at startup.</summary>
public sealed class AddWsRmClientTests(ContractServerFixture fixture) : IClassFixture<ContractServerFixture>
{
    [Fact]
    public async Task The_factory_from_DI_sends_through_the_named_HttpClient()
    {
        var counter = new CountingHandler();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmClient<IOrderService>(o =>
            {
                o.Address = fixture.Server.Orders;
                o.Version = WsRmVersion.Rm10;
                o.Soap = WsRmSoapVersion.Soap11;
            })
            .AddHttpMessageHandler(() => counter);
        using var host = builder.Build();
        await host.StartAsync().Within();

        var factory = host.Services.GetRequiredService<WsRmChannelFactory<IOrderService>>();
        Assert.Same(factory, host.Services.GetRequiredService<WsRmChannelFactory<IOrderService>>());
        var proxy = await factory.CreateChannelAsync().Within();
        await using (var channel = (IWsRmChannel)proxy)
        {
            Assert.Equal(9, proxy.Add(4, 5));
            await channel.CloseAsync().Within();
        }

        // CreateSequence, Add, and the close handshake all went through the configured pipeline.
        Assert.True(counter.Requests >= 3, $"{counter.Requests} requests seen");
        await host.StopAsync().Within();
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_startup_naming_the_setting()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmClient<IOrderService>(o => o.MaxTransferWindowSize = 0);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync()).Within();
        Assert.Contains("Address", e.Message);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
