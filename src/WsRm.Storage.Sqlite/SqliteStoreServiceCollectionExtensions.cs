using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WsRm.Storage;
using WsRm.Storage.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded SQLite store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps durable WS-RM state (durable sessions, queued endpoints, transmission queues) in a SQLite file, the
    /// default <c>wsrm.db</c> in the working directory. The schema is created or migrated when the host starts; a
    /// connection string that cannot be opened, or a newer schema, stops startup with the reason.
    /// </summary>
    public static IServiceCollection AddWsRmSqliteStore(this IServiceCollection services, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteStoreOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "SqliteStoreOptions.ConnectionString must not be empty.")
            .Validate(o => o.MaxBatchesPerCommit is >= 1 and <= 100_000, "SqliteStoreOptions.MaxBatchesPerCommit must be between 1 and 100000.")
            .ValidateOnStart();
        return services.AddWsRmStore(sp => new SqliteWsRmStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
    }
}
