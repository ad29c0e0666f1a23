using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WsRm.Server;
using WsRm.Server.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WS-RM server.</summary>
public static class WsRmServerServiceCollectionExtensions
{
    /// <summary>Adds the services that <c>MapWsRmService</c> and <c>MapSoapService</c> need.</summary>
    public static IServiceCollection AddWsRmServer(this IServiceCollection services, Action<WsRmServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WsRmServerOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WsRmServerOptions>, WsRmServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WsRmServerMarker>();
        return services;
    }
}
