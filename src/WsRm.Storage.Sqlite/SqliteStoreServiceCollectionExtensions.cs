using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WsRm.Configuration;
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
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        return services.AddWsRmStore(sp => new SqliteWsRmStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
    }

    /// <summary>
    /// Adds the SQLite store (as <see cref="AddWsRmSqliteStore(IServiceCollection, Action{SqliteStoreOptions}?)"/>) with
    /// its settings from <paramref name="configuration"/>, e.g. <c>builder.Configuration.GetSection("WsRm:Storage")</c>
    /// (<c>ConnectionString</c>, <c>MaxBatchesPerCommit</c>): <paramref name="configure"/> runs first and the
    /// configuration binds over it. A <c>Provider</c> key (which store a host or the <c>wsrm</c> command line picks) is
    /// not a store setting; when present it must say <c>Sqlite</c>. Strict: a key that is not a setting, or a value that does not convert or is out of
    /// range, stops startup with a message naming the full key.
    /// </summary>
    public static IServiceCollection AddWsRmSqliteStore(this IServiceCollection services, IConfiguration configuration,
        Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddWsRmSqliteStore(configure);
        OptionsConfiguration<SqliteStoreOptions>.Add(services, Options.Options.DefaultName, _ => configuration, ProviderKey);
        return services;
    }

    private static readonly string[] ProviderKey = ["Provider"];
}
