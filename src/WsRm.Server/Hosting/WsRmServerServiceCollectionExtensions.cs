using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WsRm.Server;
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
        services.AddMetrics();
        services.TryAddSingleton<WsRmServerMetrics>();
        services.TryAddSingleton<ISequenceStore, InMemorySequenceStore>();
        services.TryAddSingleton<SequenceManager>();
        services.TryAddSingleton<WsRmTransactionAccessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DurableRecovery>());
        services.TryAddSingleton<QueueMetrics>();
        services.TryAddSingleton<QueueConsumers>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueConsumers>());
        return services;
    }
}
