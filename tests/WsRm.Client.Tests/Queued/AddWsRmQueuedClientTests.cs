using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Queued;

/// <summary>
/// AddWsRmQueuedClient: the factory and its forwarder run under a host (the forwarder as a hosted service, after the
/// store's startup), options are checked at startup, and a missing store is named.
/// </summary>
public sealed class AddWsRmQueuedClientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_host_runs_the_forwarder_and_delivers_what_its_channels_enqueue()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var files = new TempStore();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var log = new RecordingLogger(TimeProvider.System);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new RecordingLoggerProvider(log));
        using var dump = new OnDispose(() => output.WriteLine(log.Dump()));
        builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = $"Data Source={files.File}");
        builder.Services.AddWsRmQueuedClient<IQueuedEcho>(o =>
        {
            var defaults = Queues.Options(destination.Echo);
            o.Address = defaults.Address;
            o.RetryDelay = defaults.RetryDelay;
            o.Version = WsRmVersion.Rm10;
            o.Soap = WsRmSoapVersion.Soap11;
        });
        builder.Services.AddWsRmQueuedClient<IQueuedEcho>(o => { }); // a second call adds no second forwarder
        using var host = builder.Build();
        await host.StartAsync().Within();

        var factory = host.Services.GetRequiredService<WsRmQueuedChannelFactory<IQueuedEcho>>();
        Assert.True(factory.Forwarder.IsRunning);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QueueForwarderService");
        Assert.Equal($"{typeof(IQueuedEcho).FullName}@{destination.Echo.AbsoluteUri}", factory.QueueName);
        var echo = factory.CreateChannel();
        foreach (var i in Enumerable.Range(1, 5)) await echo.PostAsync($"hosted-{i}").Within();
        await factory.Forwarder.WaitForEmptyAsync().Within();

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"hosted-{i}"), await destination.ReceivedAsync("hosted-", t => t.Length >= 5));
        await host.StopAsync().Within();
        Assert.False(factory.Forwarder.IsRunning);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_startup_naming_the_setting()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = "Data Source=:memory:");
        builder.Services.AddWsRmQueuedClient<IQueuedEcho>(o =>
        {
            o.Address = new Uri("http://127.0.0.1:9/echo");
            o.TimeToLive = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync()).Within();
        Assert.Contains("WsRmQueuedClientOptions.TimeToLive", e.Message);
    }

    [Fact]
    public void Without_a_store_the_factory_names_the_registration_it_needs()
    {
        var services = new ServiceCollection();
        services.AddWsRmQueuedClient<IQueuedEcho>(o => o.Address = new Uri("http://127.0.0.1:9/echo"));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<WsRmQueuedChannelFactory<IQueuedEcho>>());
        Assert.Contains("AddWsRmSqliteStore", e.Message);
    }
}
