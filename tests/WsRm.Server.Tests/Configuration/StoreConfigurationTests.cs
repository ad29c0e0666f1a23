using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WsRm.Server.Tests.Harness;
using WsRm.Storage.PostgreSql;
using WsRm.Storage.Sqlite;

namespace WsRm.Server.Tests.Configuration;

/// <summary>
/// The stores' settings from configuration (AddWsRmSqliteStore(IConfiguration), AddWsRmPostgreSqlStore(IConfiguration),
/// and the sample host's WsRm:Storage): every key binds, and a bad key or value stops startup naming the key.
/// </summary>
public sealed class StoreConfigurationTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build().GetSection("WsRm:Storage");

    [Fact]
    public void Every_SQLite_key_binds_over_what_code_set()
    {
        var services = new ServiceCollection();
        services.AddWsRmSqliteStore(Section(("WsRm:Storage:ConnectionString", "Data Source=cfg.db"), ("WsRm:Storage:MaxBatchesPerCommit", "7")),
            o => o.ConnectionString = "Data Source=code.db");
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        Assert.Equal("Data Source=cfg.db", o.ConnectionString);
        Assert.Equal(7, o.MaxBatchesPerCommit);
    }

    [Fact]
    public void Every_PostgreSQL_key_binds()
    {
        var services = new ServiceCollection();
        services.AddWsRmPostgreSqlStore(Section(("WsRm:Storage:ConnectionString", "Host=db;Database=wsrm"),
            ("WsRm:Storage:MaxBatchesPerCommit", "9"), ("WsRm:Storage:Clock", "Application")));
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;
        Assert.Equal("Host=db;Database=wsrm", o.ConnectionString);
        Assert.Equal(9, o.MaxBatchesPerCommit);
        Assert.Equal(PostgreSqlClock.Application, o.Clock);
    }

    [Fact]
    public void An_unknown_PostgreSQL_key_fails_naming_it()
    {
        var services = new ServiceCollection();
        services.AddWsRmPostgreSqlStore(Section(("WsRm:Storage:ConnectionString", "Host=db"), ("WsRm:Storage:Clok", "Application")));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value);
        Assert.Contains("'WsRm:Storage:Clok' is not a setting of PostgreSqlStoreOptions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Provider_key_is_skipped_when_it_names_this_store_and_fails_when_it_names_another()
    {
        var services = new ServiceCollection();
        services.AddWsRmSqliteStore(Section(("WsRm:Storage:Provider", "sqlite"), ("WsRm:Storage:MaxBatchesPerCommit", "7")));
        using (var provider = services.BuildServiceProvider())
            Assert.Equal(7, provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.MaxBatchesPerCommit);

        services = new ServiceCollection();
        services.AddWsRmSqliteStore(Section(("WsRm:Storage:Provider", "PostgreSql")));
        using (var provider = services.BuildServiceProvider())
        {
            var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
            Assert.Contains("WsRm:Storage:Provider ('PostgreSql') names another store, but AddWsRmSqliteStore was called.", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Sqlite", "WsRm:Storage:MaxBatchesPerComit", "100", "'WsRm:Storage:MaxBatchesPerComit' is not a setting of SqliteStoreOptions")]
    [InlineData("Sqlite", "WsRm:Storage:Clock", "Application", "'WsRm:Storage:Clock' is not a setting of SqliteStoreOptions")]
    [InlineData("Sqlite", "WsRm:Storage:MaxBatchesPerCommit", "many", "'WsRm:Storage:MaxBatchesPerCommit'")]
    [InlineData("Sqlite", "WsRm:Storage:MaxBatchesPerCommit", "0", "WsRm:Storage:MaxBatchesPerCommit ('0') must be between 1 and 100000.")]
    [InlineData("Sqlite", "WsRm:Storage:ConnectionString", " ", "WsRm:Storage:ConnectionString (' ') must not be empty.")]
    [InlineData("PostgreSql", "WsRm:Storage:Clock", "Sometimes", "'WsRm:Storage:Clock'")]
    [InlineData("PostgreSql", "WsRm:Storage:Clock", "5", "WsRm:Storage:Clock ('5') must be Database or Application.")]
    [InlineData("PostgreSql", "WsRm:Storage:MaxBatchesPerCommit", "0", "WsRm:Storage:MaxBatchesPerCommit ('0') must be between 1 and 100000.")]
    [InlineData("PostgreSql", "WsRm:Storage:Clok", "Application", "'WsRm:Storage:Clok' is not a setting of PostgreSqlStoreOptions")]
    public async Task A_bad_store_setting_stops_the_sample_host_naming_the_key(string provider, string key, string value, string expected)
    {
        (string, string)[] settings = provider == "PostgreSql"
            ? [("WsRm:Storage:Provider", provider), ("WsRm:Storage:ConnectionString", "Host=127.0.0.1;Port=9;Timeout=1"), (key, value)]
            : [("WsRm:Storage:Provider", provider), (key, value)];
        await using var host = new EchoHost(settings);

        var e = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        ConfigApp.AssertMentions(e, expected);
    }
}
