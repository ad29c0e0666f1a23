using WsRm.Configuration;

namespace WsRm.Client;

/// <summary>Turns the <see cref="ArgumentException"/> of an options type's <c>Validate()</c> into a startup validation message.</summary>
internal static class ValidationMessages
{
    /// <summary>
    /// <paramref name="e"/>'s message, its <c>{TOptions}.{setting}</c> replaced by the configuration key and value when
    /// the setting (the exception's <see cref="ArgumentException.ParamName"/>) came from configuration:
    /// <c>Clients:Orders:MaxTransferWindowSize ('0') must be between 1 and 4096.</c>
    /// </summary>
    public static string Of<TOptions>(ArgumentException e, IEnumerable<OptionsConfiguration<TOptions>> sources, string? name)
        where TOptions : class
    {
        var text = e.Message;
        if (e.ParamName is not { } setting) return text;
        var suffix = $" (Parameter '{setting}')";
        if (text.EndsWith(suffix, StringComparison.Ordinal)) text = text[..^suffix.Length];
        var inCode = $"{typeof(TOptions).Name}.{setting}";
        var described = OptionsConfiguration<TOptions>.Describe(sources, name, setting);
        return text.Contains(inCode, StringComparison.Ordinal) ? text.Replace(inCode, described, StringComparison.Ordinal) : $"{described}: {text}";
    }
}
