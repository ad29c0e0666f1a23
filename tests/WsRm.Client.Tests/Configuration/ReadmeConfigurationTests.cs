using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;
using WsRm.Host;

namespace WsRm.Client.Tests.Configuration;

/// <summary>
/// The appsettings.json block of the README's Configuration section is true: the sample host starts with it (so every
/// server, endpoint and store key in it is a setting with a valid value), and both clients bind and validate it.
/// </summary>
public sealed class ReadmeConfigurationTests
{
    [Fact]
    public async Task The_sample_host_starts_with_the_README_configuration()
    {
        var json = ReadmeJson();
        var database = Path.Combine(Path.GetTempPath(), $"wsrm-readme-{Guid.NewGuid():N}.db");
        using var files = new OnDispose(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(database + suffix)) File.Delete(database + suffix);
        });
        await using var host = new LoopbackServer((args, configure) => HostApp.Build(args, b =>
        {
            b.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
            b.Configuration.AddInMemoryCollection([new("WsRm:Storage:ConnectionString", $"Data Source={database}")]);
            configure(b);
        }));

        await host.StartAsync();

        var server = host.Services.GetRequiredService<IOptions<WsRm.Server.WsRmServerOptions>>().Value;
        Assert.Equal(128, server.MaxAcknowledgementRanges);
        await host.StopAsync();
    }

    [Fact]
    public void Both_clients_bind_the_README_configuration()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(ReadmeJson())));
        builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = "Data Source=:memory:");
        builder.Services.AddWsRmClient<IOrderService>(builder.Configuration.GetSection("OrdersClient"));
        builder.Services.AddWsRmQueuedClient<IQueuedEcho>(builder.Configuration.GetSection("PostsClient"));
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IOptionsMonitor<WsRmClientOptions>>()
            .Get(WsRmClientServiceCollectionExtensions.HttpClientName<IOrderService>());
        var queued = host.Services.GetRequiredService<IOptionsMonitor<WsRmQueuedClientOptions>>()
            .Get(WsRmQueuedClientServiceCollectionExtensions.QueuedClientName<IQueuedEcho>());

        Assert.Equal(new Uri("http://127.0.0.1:5080/echo"), client.Address);
        Assert.Equal(TimeSpan.FromSeconds(10), client.RequestTimeout);
        Assert.Equal("posts", queued.QueueName);
        Assert.Equal(TimeSpan.FromDays(1), queued.TimeToLive);
    }

    /// <summary>The first <c>```json</c> block after the README's <c>## Configuration</c> heading.</summary>
    private static string ReadmeJson()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme.IndexOf("\n## Configuration\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no Configuration section");
        var start = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WsRm.sln"))) return dir.FullName;
        throw new InvalidOperationException("WsRm.sln not found above " + AppContext.BaseDirectory);
    }
}
