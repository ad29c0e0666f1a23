using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WsRm.Server;
using WsRm.Server.Configuration;
using Microsoft.Extensions.Hosting;
using WsRm.Server.Diagnostics;
using WsRm.Server.Durability;
using WsRm.Server.Queues;
using WsRm.Server.Hosting;
using WsRm.Server.Sequences;
using WsRm.Server.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WS-RM server.</summary>
public static class WsRmServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services that <c>MapWsRmService</c>, <c>MapSoapService</c> and <c>MapWsRmQueue</c> need, with
    /// <paramref name="configure"/> setting <see cref="WsRmServerOptions"/> in code. The options are validated when the
    /// host starts. Chain <c>.BindConfiguration("WsRm")</c> to bind them from configuration too.
    /// </summary>
    /// <returns>A builder whose <see cref="IWsRmServerBuilder.Services"/> are <paramref name="services"/>.</returns>
    public static IWsRmServerBuilder AddWsRmServer(this IServiceCollection services, Action<WsRmServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WsRmServerOptions>();
        if (configure is not null) options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WsRmServerOptions>, WsRmServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WsRmServerMarker>();
        services.AddMetrics();
        services.TryAddSingleton<WsRmServerMetrics>();
        services.TryAddSingleton<ISequenceStore, InMemorySequenceStore>();
        services.TryAddSingleton<SequenceManager>();
        services.TryAddSingleton<WsRmTransactionAccessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DurableRecovery>());
        services.TryAddSingleton<QueueMetrics>();
        services.TryAddSingleton<QueueConsumers>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueConsumers>());
        services.TryAddSingleton<EndpointConfiguration>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EndpointConfigurationCheck>());
        return new WsRmServerBuilder(services);
    }

    /// <summary>
    /// Adds the WS-RM server (as <see cref="AddWsRmServer(IServiceCollection, Action{WsRmServerOptions}?)"/>) with its
    /// settings from <paramref name="configuration"/>, e.g. <c>builder.Configuration.GetSection("WsRm")</c>:
    /// <paramref name="configure"/> runs first and the configuration binds over it, so configuration wins. Per-endpoint
    /// settings come from its <c>Endpoints</c> sub-section, keyed by route pattern. Strict: see
    /// <see cref="WsRmServerBuilderExtensions.BindConfiguration"/>.
    /// </summary>
    /// <returns>A builder whose <see cref="IWsRmServerBuilder.Services"/> are <paramref name="services"/>.</returns>
    public static IWsRmServerBuilder AddWsRmServer(this IServiceCollection services, IConfiguration configuration,
        Action<WsRmServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddWsRmServer(configure).Bind(_ => configuration);
    }
}
