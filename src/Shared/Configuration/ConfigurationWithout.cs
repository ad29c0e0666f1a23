using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace WsRm.Configuration;

/// <summary>
/// A configuration section seen without some of its children (sub-sections read by someone else), so that the binder's
/// <see cref="BinderOptions.ErrorOnUnknownConfiguration"/> can stay on for the rest. Everything else reads through.
/// </summary>
internal sealed class ConfigurationWithout(IConfiguration inner, IReadOnlyCollection<string> hidden) : IConfigurationSection
{
    public string? this[string key]
    {
        get => inner[key];
        set => inner[key] = value;
    }

    public string Key => (inner as IConfigurationSection)?.Key ?? "";

    public string Path => (inner as IConfigurationSection)?.Path ?? "";

    public string? Value
    {
        get => (inner as IConfigurationSection)?.Value;
        set
        {
            if (inner is IConfigurationSection section) section.Value = value;
        }
    }

    public IEnumerable<IConfigurationSection> GetChildren() =>
        inner.GetChildren().Where(c => !hidden.Contains(c.Key, StringComparer.OrdinalIgnoreCase));

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public IConfigurationSection GetSection(string key) => inner.GetSection(key);
}
