using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WsRm.Configuration;
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
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        return services.AddWsRmStore(sp => new PostgreSqlWsRmStore(sp.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
    }

    /// <summary>
    /// Adds the PostgreSQL store (as <see cref="AddWsRmPostgreSqlStore(IServiceCollection, Action{PostgreSqlStoreOptions}?)"/>)
    /// with its settings from <paramref name="configuration"/>, e.g. <c>builder.Configuration.GetSection("WsRm:Storage")</c>
    /// (<c>ConnectionString</c>, <c>MaxBatchesPerCommit</c>, <c>Clock</c>): <paramref name="configure"/> runs first and
    /// the configuration binds over it. A <c>Provider</c> key (which store a host or the <c>wsrm</c> command line
    /// picks) is not a store setting; when present it must say <c>PostgreSql</c>. Strict: a key that is not a setting, or a value that does not convert or is out
    /// of range, stops startup with a message naming the full key.
    /// </summary>
    public static IServiceCollection AddWsRmPostgreSqlStore(this IServiceCollection services, IConfiguration configuration,
        Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWsRmPostgreSqlStore(configure);
        OptionsConfiguration<PostgreSqlStoreOptions>.Add(services, Options.Options.DefaultName, _ => configuration, ProviderKey);
        return services;
    }

    private static readonly string[] ProviderKey = ["Provider"];
}
