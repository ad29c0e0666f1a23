using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WsRm.Bench.DurableLoad;

/// <summary>
/// A WsRm server in this process on a free loopback port: <c>/mem</c> (reliable, in memory) and <c>/durable</c>
/// (durable sessions) serving <see cref="NoOpEchoService"/>, on a SQLite file or a PostgreSQL database.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _sqliteFile;

    private BenchServer(WebApplication app, string? sqliteFile, Uri baseUrl)
    {
        _app = app;
        _sqliteFile = sqliteFile;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<BenchServer> StartAsync(string? postgres)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Services.AddWsRmServer(o => o.MaxPendingChannels = 10_000);
        string? file = null;
        if (postgres is null)
        {
            file = Path.Combine(Path.GetTempPath(), $"wsrm-bench-durable-{Guid.NewGuid():N}.db");
            builder.Services.AddWsRmSqliteStore(o => o.ConnectionString = $"Data Source={file}");
        }
        else
        {
            builder.Services.AddWsRmPostgreSqlStore(o => o.ConnectionString = postgres);
        }
        var app = builder.Build();
        app.MapWsRmService<NoOpEchoService>("/mem");
        app.MapWsRmService<NoOpEchoService>("/durable", o => o.Durable = true);
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, file, new Uri(url.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_sqliteFile is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
    }
}
