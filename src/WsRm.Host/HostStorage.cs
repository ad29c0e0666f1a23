namespace WsRm.Host;

/// <summary>
/// The store from configuration: <c>WsRm:Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>) and
/// <c>WsRm:Storage:ConnectionString</c> (default for SQLite: <c>Data Source=wsrm.db</c>, a file in the working
/// directory; required for PostgreSQL). An unknown provider stops startup naming the key.
/// </summary>
internal static class HostStorage
{
    public static void Add(IServiceCollection services, IConfigurationSection storage)
    {
        var provider = storage["Provider"] ?? "Sqlite";
        var connectionString = storage["ConnectionString"];
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                services.AddWsRmSqliteStore(o =>
                {
                    if (!string.IsNullOrEmpty(connectionString)) o.ConnectionString = connectionString;
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"WsRm:Storage:Provider is '{provider}'; it must be Sqlite (the default) or PostgreSql.");
        }
    }
}
