using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Configuration;

/// <summary>
/// AddWsRmClient(IConfiguration): every WsRmClientOptions key binds and a client configured only from configuration
/// talks to a real server; an unknown key, a value that does not convert and a value out of range stop startup naming
/// the full key.
/// </summary>
public sealed class ClientConfigurationTests(ContractServerFixture fixture) : IClassFixture<ContractServerFixture>
{
    /// <summary>Every client setting, each away from its default.</summary>
    internal static readonly (string Key, string Value)[] EveryClientKey =
    [
        ("OrdersClient:Address", "http://orders.example/orders"),
        ("OrdersClient:Via", "http://127.0.0.1:9/orders"),
        ("OrdersClient:Version", "Rm10"),
        ("OrdersClient:Soap", "Soap11"),
        ("OrdersClient:MaxTransferWindowSize", "16"),
        ("OrdersClient:MaxRetryCount", "4"),
        ("OrdersClient:InitialRetransmissionTimeout", "00:00:00.5"),
        ("OrdersClient:MaxRetransmissionTimeout", "00:00:30"),
        ("OrdersClient:TransportRetryDelay", "00:00:00.2"),
        ("OrdersClient:RequestTimeout", "00:00:05"),
        ("OrdersClient:InactivityTimeout", "00:05:00"),
        ("OrdersClient:OperationTimeout", "00:00:20"),
        ("OrdersClient:Ordered", "false"),
        ("OrdersClient:MaxReceivedMessageSize", "65536"),
    ];

    private static IHost Build(IEnumerable<(string Key, string Value)> settings, Action<WsRmClientOptions>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddWsRmClient<IOrderService>(builder.Configuration.GetSection("OrdersClient"), configure);
        return builder.Build();
    }

    private static WsRmClientOptions OptionsOf(IHost host) => host.Services.GetRequiredService<IOptionsMonitor<WsRmClientOptions>>()
        .Get(WsRmClientServiceCollectionExtensions.HttpClientName<IOrderService>());

    [Fact]
    public async Task Every_client_key_binds()
    {
        using var host = Build(EveryClientKey);
        await host.StartAsync().Within();

        var o = OptionsOf(host);
        Assert.Equal(new Uri("http://orders.example/orders"), o.Address);
        Assert.Equal(new Uri("http://127.0.0.1:9/orders"), o.Via);
        Assert.Equal(WsRmVersion.Rm10, o.Version);
        Assert.Equal(WsRmSoapVersion.Soap11, o.Soap);
        Assert.Equal(16, o.MaxTransferWindowSize);
        Assert.Equal(4, o.MaxRetryCount);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.InitialRetransmissionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxRetransmissionTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), o.TransportRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), o.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), o.InactivityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), o.OperationTimeout);
        Assert.False(o.Ordered);
        Assert.Equal(65536, o.MaxReceivedMessageSize);
        await host.StopAsync().Within();
    }

    [Fact]
    public async Task A_client_configured_from_configuration_calls_the_service_with_those_settings()
    {
        using var host = Build([("OrdersClient:Address", fixture.Server.Orders.AbsoluteUri), ("OrdersClient:Version", "Rm10"), ("OrdersClient:Soap", "Soap11")],
            o => o.Version = WsRmVersion.Rm11);
        await host.StartAsync().Within();

        var proxy = await host.Services.GetRequiredService<WsRmChannelFactory<IOrderService>>().CreateChannelAsync().Within();
        await using (var channel = (IWsRmChannel)proxy)
        {
            Assert.Equal(9, proxy.Add(4, 5));
            await channel.CloseAsync().Within();
        }

        Assert.Equal(WsRmVersion.Rm10, OptionsOf(host).Version);
        await host.StopAsync().Within();
    }

    [Fact]
    public async Task An_unknown_key_stops_startup_naming_the_full_key()
    {
        using var host = Build([("OrdersClient:Address", "http://127.0.0.1:9/orders"), ("OrdersClient:MaxTransferWindowSzie", "4")]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync()).Within();

        Assert.Contains("Configuration key 'OrdersClient:MaxTransferWindowSzie' is not a setting of WsRmClientOptions", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Version", "Rm12")]
    [InlineData("MaxTransferWindowSize", "eight")]
    [InlineData("OperationTimeout", "a minute")]
    [InlineData("Ordered", "yes")]
    public async Task A_value_that_does_not_convert_stops_startup_naming_the_full_key(string setting, string value)
    {
        using var host = Build([("OrdersClient:Address", "http://127.0.0.1:9/orders"), ($"OrdersClient:{setting}", value)]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync()).Within();

        Assert.Contains($"'OrdersClient:{setting}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Address", "orders")]
    [InlineData("MaxTransferWindowSize", "0")]
    [InlineData("MaxRetryCount", "0")]
    [InlineData("InitialRetransmissionTimeout", "-00:00:01")]
    [InlineData("TransportRetryDelay", "00:00:00")]
    [InlineData("RequestTimeout", "-00:00:01")]
    [InlineData("OperationTimeout", "00:00:00")]
    [InlineData("Version", "3")]
    public async Task A_value_out_of_range_stops_startup_naming_the_full_key_and_the_value(string setting, string value)
    {
        (string, string)[] settings = setting == "Address"
            ? [($"OrdersClient:{setting}", value)]
            : [("OrdersClient:Address", "http://127.0.0.1:9/orders"), ($"OrdersClient:{setting}", value)];
        using var host = Build(settings);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync()).Within();

        Assert.Contains($"OrdersClient:{setting} ('{value}')", e.Message, StringComparison.Ordinal);
    }
}
