using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Tests.Harness;
using WsRm.Storage.PostgreSql;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Stores;

/// <summary>
/// The store a durable test runs on: a SQLite file of its own, or a PostgreSQL database of its own on the collection's
/// throwaway server. PostgreSQL runs on the application's clock (<see cref="PostgreSqlClock.Application"/>) so that the
/// tests' fake clock moves retry cycles, leases and inactivity as it does on SQLite.
/// </summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;

    private StoreUnderTest(string provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    /// <summary><c>Sqlite</c> or <c>PostgreSql</c>, as the sample host's <c>WsRm:Storage:Provider</c> takes it.</summary>
    public string Provider { get; }

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>A new SQLite file in the temp folder, deleted on disposal.</summary>
    public static StoreUnderTest Sqlite()
    {
        var file = EchoHost.NewDatabase();
        return new StoreUnderTest("Sqlite", $"Data Source={file}", () =>
        {
            EchoHost.DeleteDatabase(file);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>A new database on <paramref name="server"/>, dropped on disposal.</summary>
    public static async Task<StoreUnderTest> PostgreSqlAsync(PostgreSqlServer server)
    {
        var connectionString = await server.CreateDatabaseAsync();
        return new StoreUnderTest("PostgreSql", connectionString, async () => await server.DropDatabaseAsync(connectionString));
    }

    /// <summary>
    /// The database <paramref name="database"/> on a cluster the test owns (one it stops and starts); the cluster's
    /// disposal removes it.
    /// </summary>
    public static StoreUnderTest OnCluster(PostgreSqlCluster cluster, string database) =>
        new("PostgreSql", cluster.ConnectionString(database), () => ValueTask.CompletedTask);

    /// <summary>The sample host's configuration for this store.</summary>
    public IEnumerable<(string Key, string Value)> HostSettings()
    {
        yield return ("WsRm:Storage:Provider", Provider);
        yield return ("WsRm:Storage:ConnectionString", ConnectionString);
        if (Provider == "PostgreSql") yield return ("WsRm:Storage:Clock", nameof(PostgreSqlClock.Application));
    }

    /// <summary>Registers this store (<c>AddWsRmSqliteStore</c> or <c>AddWsRmPostgreSqlStore</c>).</summary>
    public IServiceCollection AddTo(IServiceCollection services) => Provider == "Sqlite"
        ? services.AddWsRmSqliteStore(o => o.ConnectionString = ConnectionString)
        : services.AddWsRmPostgreSqlStore(o =>
        {
            o.ConnectionString = ConnectionString;
            o.Clock = PostgreSqlClock.Application;
        });

    public ValueTask DisposeAsync() => _drop();
}
