using Microsoft.Extensions.Options;
using WsRm.Configuration;

namespace WsRm.Storage.PostgreSql;

/// <summary>Rejects PostgreSQL store settings the store cannot run with, at startup, naming the configuration key a value came from.</summary>
internal sealed class PostgreSqlStoreOptionsValidator(IEnumerable<OptionsConfiguration<PostgreSqlStoreOptions>> sources)
    : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions o)
    {
        var errors = new List<string>();
        string Key(string setting) => OptionsConfiguration<PostgreSqlStoreOptions>.Describe(sources, name, setting);
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
            errors.Add($"{Key(nameof(o.ConnectionString))} must be set (e.g. Host=db;Database=wsrm;Username=wsrm;Password=...).");
        if (o.MaxBatchesPerCommit is < 1 or > 100_000) errors.Add($"{Key(nameof(o.MaxBatchesPerCommit))} must be between 1 and 100000.");
        if (!Enum.IsDefined(o.Clock)) errors.Add($"{Key(nameof(o.Clock))} must be Database or Application.");
        if (sources.Select(s => s.Section["Provider"]).LastOrDefault(p => p is not null) is { } provider
            && !string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
            errors.Add($"{OptionsConfiguration<PostgreSqlStoreOptions>.Describe(sources, name, "Provider")} names another store, but AddWsRmPostgreSqlStore was called.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
