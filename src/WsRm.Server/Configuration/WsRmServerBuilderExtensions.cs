using Microsoft.Extensions.Configuration;
using WsRm.Configuration;
using WsRm.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Binds the WS-RM server's settings from configuration.</summary>
public static class WsRmServerBuilderExtensions
{
    /// <summary>
    /// Binds <see cref="WsRmServerOptions"/> from the section at <paramref name="configSectionPath"/> of the application's
    /// <see cref="IConfiguration"/> (e.g. <c>"WsRm"</c>), over what code configured before this call, and reads the
    /// per-endpoint settings of <c>MapWsRmService</c>, <c>MapSoapService</c> and <c>MapWsRmQueue</c> from its
    /// <c>Endpoints</c> sub-section, keyed by route pattern (<c>WsRm:Endpoints:/echo:Ordered</c>). Strict: a key that is
    /// not a setting, or a value that does not convert or is out of range, stops startup with a message naming the full
    /// key. The sub-sections <c>Endpoints</c> and <c>Storage</c> (where a store's settings live by convention) are not
    /// server settings and are skipped. Read when the host starts; a later change takes a restart.
    /// </summary>
    /// <param name="builder">The builder <c>AddWsRmServer</c> returned.</param>
    /// <param name="configSectionPath">The section's path, e.g. <c>"WsRm"</c>.</param>
    /// <returns>The builder.</returns>
    public static IWsRmServerBuilder BindConfiguration(this IWsRmServerBuilder builder, string configSectionPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configSectionPath);
        return builder.Bind(sp => sp.GetRequiredService<IConfiguration>().GetSection(configSectionPath));
    }

    /// <summary>The names of the server section's children that are not <see cref="WsRmServerOptions"/> settings.</summary>
    internal static readonly string[] Subsections = ["Endpoints", "Storage"];

    internal static IWsRmServerBuilder Bind(this IWsRmServerBuilder builder, Func<IServiceProvider, IConfiguration> section)
    {
        OptionsConfiguration<WsRmServerOptions>.Add(builder.Services, Microsoft.Extensions.Options.Options.DefaultName, section, Subsections);
        return builder;
    }
}
