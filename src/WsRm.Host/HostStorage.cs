namespace WsRm.Host;

/// <summary>
/// The store from configuration: <c>WsRm:Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>) and
/// <c>WsRm:Storage:ConnectionString</c> (default for SQLite: <c>Data Source=wsrm.db</c>, a file in the working
/// directory; required for PostgreSQL). The rest of the section binds strictly onto the provider's options
/// (<c>MaxBatchesPerCommit</c>; for PostgreSQL <c>Clock</c>): a key the provider does not have, or a bad value, stops
/// startup naming the key. An unknown provider stops startup naming the key too.
/// </summary>
internal static class HostStorage
{
    public static void Add(IServiceCollection services, IConfigurationSection storage)
    {
        var provider = storage["Provider"] ?? "Sqlite";
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                services.AddWsRmSqliteStore(storage);
                break;
            case "postgresql":
                services.AddWsRmPostgreSqlStore(storage);
                break;
            default:
                throw new InvalidOperationException(
                    $"WsRm:Storage:Provider is '{provider}'; it must be Sqlite (the default) or PostgreSql.");
        }
    }
}
