using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace WsRm.Configuration;

/// <summary>
/// Binds a configuration section onto an options object strictly, so that a misspelt or misplaced key stops startup
/// instead of being ignored: every key of the section (and of the sections of nested option objects) must be a setting
/// of the options type. The binder's own <see cref="BinderOptions.ErrorOnUnknownConfiguration"/> names only the
/// property and the type; this names the key's full path (<c>WsRm:MaxTransferWindowSzie</c>). A value the binder cannot
/// convert fails with the binder's message, which names the full key (<c>Failed to convert configuration value at
/// 'WsRm:MaxTransferWindowSize' to type 'System.Int32'.</c>), the conversion's reason as its inner exception.
/// Compiled into each WsRm assembly that binds options (src/Shared).
/// </summary>
internal static class StrictConfigurationBinder
{
    /// <summary>
    /// Binds <paramref name="section"/> onto <paramref name="options"/>. <paramref name="subsections"/> are children of
    /// the section that belong to someone else (e.g. <c>Endpoints</c> under the server's section) and are skipped;
    /// <paramref name="codeOnly"/> are settings that cannot come from configuration (a <see cref="Type"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A key is not a setting, or a value does not convert; the message names the key.</exception>
    public static void Bind(IConfiguration section, object options, IReadOnlyCollection<string>? subsections = null,
        IReadOnlyCollection<string>? codeOnly = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(section, options.GetType(), subsections ?? [], codeOnly ?? [], errors);
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
        IConfiguration bound = subsections is { Count: > 0 } ? new ConfigurationWithout(section, subsections) : section;
        bound.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
    }

    private static void Check(IConfiguration section, Type type, IReadOnlyCollection<string> subsections,
        IReadOnlyCollection<string> codeOnly, List<string> errors)
    {
        var settings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || !IsScalar(p.PropertyType)))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (subsections.Contains(child.Key, StringComparer.OrdinalIgnoreCase)) continue;
            if (codeOnly.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                errors.Add($"Configuration key '{child.Path}' cannot be set from configuration: {type.Name}.{child.Key} is set in code only.");
            else if (!settings.TryGetValue(child.Key, out var setting))
                errors.Add($"Configuration key '{child.Path}' is not a setting of {type.Name}; its settings are {string.Join(", ", settings.Keys.Except(codeOnly, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))}.");
            else if (!IsScalar(setting.PropertyType) && !typeof(IEnumerable).IsAssignableFrom(setting.PropertyType))
                Check(child, setting.PropertyType, [], [], errors);
        }
    }

    /// <summary>A type the binder converts from one string (numbers, TimeSpan, enums, Uri, …): its key has no children.</summary>
    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Type)
            || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));
    }
}
