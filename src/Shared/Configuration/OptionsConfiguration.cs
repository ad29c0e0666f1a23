using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WsRm.Configuration;

/// <summary>
/// The configuration section that named options of <typeparamref name="TOptions"/> are bound from, registered next to
/// the binding so that validators can name the configuration key a bad value came from.
/// </summary>
internal sealed class OptionsConfiguration<TOptions>(string name, IConfiguration section) where TOptions : class
{
    public string Name { get; } = name;

    public IConfiguration Section { get; } = section;

    /// <summary>
    /// Registers strict binding (<see cref="StrictConfigurationBinder"/>) of the section <paramref name="section"/>
    /// resolves onto the options named <paramref name="name"/>, after the configure actions registered before it.
    /// </summary>
    public static void Add(IServiceCollection services, string name, Func<IServiceProvider, IConfiguration> section,
        IReadOnlyCollection<string>? subsections = null, IReadOnlyCollection<string>? codeOnly = null)
    {
        services.AddSingleton(sp => new OptionsConfiguration<TOptions>(name, section(sp)));
        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new ConfigureNamedOptions<TOptions>(name,
            o => StrictConfigurationBinder.Bind(section(sp), o, subsections, codeOnly)));
    }

    /// <summary>
    /// How a message names <paramref name="setting"/> of the options named <paramref name="name"/>: the configuration
    /// key and its value when configuration sets it (<c>WsRm:InactivityTimeout ('-00:00:01')</c>), otherwise
    /// <c>{TOptions}.{setting}</c>.
    /// </summary>
    public static string Describe(IEnumerable<OptionsConfiguration<TOptions>> sources, string? name, string setting)
    {
        name ??= Options.DefaultName;
        return ConfigurationKeys.Describe(sources.Where(s => s.Name == name).Select(s => s.Section), setting, $"{typeof(TOptions).Name}.{setting}");
    }
}
