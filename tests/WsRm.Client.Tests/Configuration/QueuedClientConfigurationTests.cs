using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Configuration;

/// <summary>
/// AddWsRmQueuedClient(IConfiguration): every WsRmQueuedClientOptions key binds, and an unknown key, a value that does
/// not convert and a value out of range stop startup naming the full key.
/// </summary>
public sealed class QueuedClientConfigurationTests
{
    /// <summary>Every queued client setting, each away from its default.</summary>
    internal static readonly (string Key, string Value)[] EveryQueuedClientKey =
    [
        ("PostsClient:Address", "http://127.0.0.1:9/queue/post"),
        ("PostsClient:Via", "http://127.0.0.1:9/router"),
        ("PostsClient:Version", "Rm10"),
        ("PostsClient:Soap", "Soap11"),
        ("PostsClient:QueueName", "posts"),
        ("PostsClient:TimeToLive", "02:00:00"),
        ("PostsClient:ExactlyOnce", "false"),
        ("PostsClient:RetryDelay", "00:00:02"),
        ("PostsClient:MaxRetryDelay", "00:02:00"),
        ("PostsClient:MaxRefusals", "3"),
        ("PostsClient:PageSize", "64"),
        ("PostsClient:PollInterval", "00:00:10"),
        ("PostsClient:MaxTransferWindowSize", "16"),
        ("PostsClient:MaxRetryCount", "4"),
        ("PostsClient:InitialRetransmissionTimeout", "00:00:00.5"),
        ("PostsClient:MaxRetransmissionTimeout", "00:00:30"),
        ("PostsClient:RequestTimeout", "00:00:05"),
        ("PostsClient:InactivityTimeout", "00:05:00"),
    ];

    private static IHost Build(IEnumerable<(string Key, string Value)> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = "Data Source=:memory:");
        builder.Services.AddWsRmQueuedClient<IQueuedEcho>(builder.Configuration.GetSection("PostsClient"));
        return builder.Build();
    }

    [Fact]
    public void Every_queued_client_key_binds()
    {
        using var host = Build(EveryQueuedClientKey);

        var o = host.Services.GetRequiredService<IOptionsMonitor<WsRmQueuedClientOptions>>()
            .Get(WsRmQueuedClientServiceCollectionExtensions.QueuedClientName<IQueuedEcho>());
        Assert.Equal(new Uri("http://127.0.0.1:9/queue/post"), o.Address);
        Assert.Equal(new Uri("http://127.0.0.1:9/router"), o.Via);
        Assert.Equal(WsRmVersion.Rm10, o.Version);
        Assert.Equal(WsRmSoapVersion.Soap11, o.Soap);
        Assert.Equal("posts", o.QueueName);
        Assert.Equal(TimeSpan.FromHours(2), o.TimeToLive);
        Assert.False(o.ExactlyOnce);
        Assert.Equal(TimeSpan.FromSeconds(2), o.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), o.MaxRetryDelay);
        Assert.Equal(3, o.MaxRefusals);
        Assert.Equal(64, o.PageSize);
        Assert.Equal(TimeSpan.FromSeconds(10), o.PollInterval);
        Assert.Equal(16, o.MaxTransferWindowSize);
        Assert.Equal(4, o.MaxRetryCount);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.InitialRetransmissionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), o.MaxRetransmissionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), o.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), o.InactivityTimeout);
        o.Validate();
    }

    [Fact]
    public async Task An_unknown_key_stops_startup_naming_the_full_key()
    {
        using var host = Build([("PostsClient:Address", "http://127.0.0.1:9/queue/post"), ("PostsClient:TimeToLife", "01:00:00")]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync()).Within();

        Assert.Contains("Configuration key 'PostsClient:TimeToLife' is not a setting of WsRmQueuedClientOptions", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ExactlyOnce", "twice")]
    [InlineData("TimeToLive", "one day")]
    public async Task A_value_that_does_not_convert_stops_startup_naming_the_full_key(string setting, string value)
    {
        using var host = Build([("PostsClient:Address", "http://127.0.0.1:9/queue/post"), ($"PostsClient:{setting}", value)]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync()).Within();

        Assert.Contains($"'PostsClient:{setting}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeToLive", "-01:00:00")]
    [InlineData("MaxRefusals", "0")]
    [InlineData("PageSize", "20000")]
    [InlineData("MaxTransferWindowSize", "0")]
    [InlineData("InitialRetransmissionTimeout", "00:00:00")]
    public async Task A_value_out_of_range_stops_startup_naming_the_full_key_and_the_value(string setting, string value)
    {
        using var host = Build([("PostsClient:Address", "http://127.0.0.1:9/queue/post"), ($"PostsClient:{setting}", value)]);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync()).Within();

        Assert.Contains($"PostsClient:{setting} ('{value}')", e.Message, StringComparison.Ordinal);
    }
}
