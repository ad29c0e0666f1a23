using Microsoft.Extensions.Options;
using WsRm.Storage;
using WsRm.Storage.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store, the one the servers of a farm share.</summary>
public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>
    /// Keeps durable WS-RM state (durable sessions, queued endpoints, transmission queues) in a PostgreSQL database
    /// (<see cref="PostgreSqlStoreOptions.ConnectionString"/>, required). The schema is created or migrated when the
    /// host starts; a missing connection string, a database that cannot be reached or a newer schema stops startup with
    /// the reason. While the database is down after startup, calls fail with <see cref="StoreUnavailableException"/>
    /// (the server answers 503, to be retried) and succeed again once it is back.
    /// </summary>
    public static IServiceCollection AddWsRmPostgreSqlStore(this IServiceCollection services, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgreSqlStoreOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "PostgreSqlStoreOptions.ConnectionString must be set (e.g. Host=db;Database=wsrm;Username=wsrm;Password=...).")
            .Validate(o => o.MaxBatchesPerCommit is >= 1 and <= 100_000, "PostgreSqlStoreOptions.MaxBatchesPerCommit must be between 1 and 100000.")
            .Validate(o => Enum.IsDefined(o.Clock), "PostgreSqlStoreOptions.Clock must be Database or Application.")
            .ValidateOnStart();
        return services.AddWsRmStore(sp => new PostgreSqlWsRmStore(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
    }
}
