using Microsoft.Extensions.Options;
using WsRm.Configuration;

namespace WsRm.Storage.Sqlite;

/// <summary>Rejects SQLite store settings the store cannot run with, at startup, naming the configuration key a value came from.</summary>
internal sealed class SqliteStoreOptionsValidator(IEnumerable<OptionsConfiguration<SqliteStoreOptions>> sources) : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
            errors.Add($"{OptionsConfiguration<SqliteStoreOptions>.Describe(sources, name, nameof(o.ConnectionString))} must not be empty.");
        if (o.MaxBatchesPerCommit is < 1 or > 100_000)
            errors.Add($"{OptionsConfiguration<SqliteStoreOptions>.Describe(sources, name, nameof(o.MaxBatchesPerCommit))} must be between 1 and 100000.");
        if (sources.Select(s => s.Section["Provider"]).LastOrDefault(p => p is not null) is { } provider
            && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            errors.Add($"{OptionsConfiguration<SqliteStoreOptions>.Describe(sources, name, "Provider")} names another store, but AddWsRmSqliteStore was called.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
