using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The real WsRm.Host (its Program runs, with HostApp.Build) in memory on a TestServer, with a
/// <see cref="FakeTimeProvider"/> as the server's clock and optional configuration overrides such as
/// <c>("WsRm:MaxPendingChannels", "2")</c>. One per test: sequences and posted texts never leak between tests.
/// </summary>
/// <remarks>
/// The entry-point type argument only has to live in WsRm.Host's assembly: its top-level <c>Program</c> is internal
/// and <c>HostApp</c> is static, so the sample service type stands in.
/// </remarks>
public sealed class EchoHost : WebApplicationFactory<EchoService>
{
    private readonly (string Key, string Value)[] _settings;
    private readonly (string Key, string Value)[] _storeSettings;
    private readonly bool _ownsDatabase;

    public EchoHost(params (string Key, string Value)[] settings) : this((string?)null, settings)
    {
    }

    /// <summary>
    /// A host on the SQLite file <paramref name="database"/> (a restart of a host that used it), which it leaves in
    /// place; null for a new file of its own, deleted with the host.
    /// </summary>
    public EchoHost(string? database, params (string Key, string Value)[] settings)
    {
        _settings = settings;
        _ownsDatabase = database is null;
        Database = database ?? NewDatabase();
        _storeSettings = [("WsRm:Storage:ConnectionString", $"Data Source={Database}")];
    }

    /// <summary>A host on <paramref name="store"/> (SQLite or PostgreSQL), which the caller owns.</summary>
    public EchoHost(Stores.StoreUnderTest store, params (string Key, string Value)[] settings)
    {
        _settings = settings;
        _ownsDatabase = false;
        Database = store.ConnectionString;
        _storeSettings = [.. store.HostSettings()];
    }

    /// <summary>A path for a new SQLite file in the temp folder.</summary>
    public static string NewDatabase() => Path.Combine(Path.GetTempPath(), $"wsrm-echohost-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a SQLite file and its journal files.</summary>
    public static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(database + suffix)) File.Delete(database + suffix);
    }

    /// <summary>Services registered after the host's own (they win), e.g. an <c>IPostedTexts</c> shared by two hosts.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>
    /// Waits, bounded, until <paramref name="condition"/> holds, moving <see cref="Time"/> a second at a time while a
    /// durable session waits to be read again after a store failure (the server retries on its clock: 1 s, then 2, 4 …
    /// 30 s) and not otherwise, so that nothing else the clock drives (inactivity, eviction) moves for nothing.
    /// </summary>
    public Task UntilResumedAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var manager = Services.GetRequiredService<WsRm.Server.Sequences.SequenceManager>();
        return Eventually.TrueAsync(() =>
        {
            if (manager.WaitingToResume > 0) Time.Advance(TimeSpan.FromSeconds(1));
            return condition();
        }, what, limit);
    }

    /// <summary>The server's clock; starts at 2025-01-01 and moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    internal WireClient Wire => field ??= new WireClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>The host's SQLite file, or the connection string of the store it was given.</summary>
    public string Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _storeSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            ExtraServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) DeleteDatabase(Database);
    }
}
