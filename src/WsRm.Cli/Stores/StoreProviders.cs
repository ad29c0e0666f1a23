using WsRm.Storage.PostgreSql;

namespace WsRm.Cli.Stores;

/// <summary>
/// The stores <c>wsrm</c> opens, by provider name (case-insensitive). Every provider implements the same
/// <see cref="WsRm.Storage.IWsRmStore"/> contract, so adding one is one entry in <see cref="Factories"/> (and a
/// project reference): the commands only ever use <see cref="WsRm.Storage.IWsRmStore.Admin"/>.
/// </summary>
internal static class StoreProviders
{
    public const string Default = "sqlite";
    public const string SqliteDefaultConnection = SqliteStores.DefaultConnectionString;

    /// <summary>The provider names the command line accepts, built in or not.</summary>
    public static readonly IReadOnlyList<string> Names = ["sqlite", "postgresql"];

    // Provider name → store over a connection string.
    private static readonly Dictionary<string, Func<string, IWsRmStore>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = SqliteStores.Create,
        ["postgresql"] = c => new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = c, MigrateSchema = false }),
    };

    /// <summary>
    /// A store of <paramref name="provider"/> over <paramref name="connectionString"/> (null: the provider's default),
    /// not yet initialized. Throws <see cref="CommandFailedException"/>: usage for an unknown provider, a missing or
    /// malformed connection string; store unavailable for a provider not built into this tool or a database that does
    /// not exist.
    /// </summary>
    public static IWsRmStore Create(string provider, string? connectionString)
    {
        if (!Names.Contains(provider, StringComparer.OrdinalIgnoreCase))
            throw new CommandFailedException(ExitCodes.Usage,
                $"Unknown store provider '{provider}' (from --provider or {StoreSelection.ProviderVariable}): use {string.Join(" or ", Names)}.");
        if (!Factories.TryGetValue(provider, out var factory))
            throw new CommandFailedException(ExitCodes.StoreUnavailable,
                $"The {provider} store provider is not built into this version of wsrm; only {string.Join(", ", Factories.Keys)} is.");
        if (connectionString is null && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            throw new CommandFailedException(ExitCodes.Usage,
                $"The {provider} store needs a connection string: pass --connection or set {StoreSelection.ConnectionVariable}.");
        try
        {
            return factory(connectionString ?? SqliteDefaultConnection);
        }
        catch (ArgumentException e)
        {
            // Connection string builders throw ArgumentException for an unknown keyword or a bad value.
            throw new CommandFailedException(ExitCodes.Usage, $"The connection string is not valid for {provider}: {e.Message}", e);
        }
    }
}
