using Microsoft.Extensions.Configuration;

namespace WsRm.Configuration;

/// <summary>Names a setting in an error message by the configuration key it came from, when it came from one.</summary>
internal static class ConfigurationKeys
{
    /// <summary>
    /// <c>{path} ('{value}')</c> of the last of <paramref name="sections"/> that sets <paramref name="setting"/>
    /// (<c>WsRm:InactivityTimeout ('-00:00:01')</c>), or <paramref name="fallback"/> when none does.
    /// </summary>
    public static string Describe(IEnumerable<IConfiguration> sections, string setting, string fallback)
    {
        string? found = null;
        foreach (var section in sections)
            if (section.GetChildren().FirstOrDefault(c => string.Equals(c.Key, setting, StringComparison.OrdinalIgnoreCase) && c.Value is not null)
                is { } key)
                found = $"{key.Path} ('{key.Value}')";
        return found ?? fallback;
    }
}
