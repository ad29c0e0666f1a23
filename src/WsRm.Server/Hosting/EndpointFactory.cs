using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Configuration;
using WsRm.Protocol.Contracts;
using WsRm.Server.Configuration;
using WsRm.Server.Dispatch;
using WsRm.Server.Metadata;
using WsRm.Server.Sequences;

namespace WsRm.Server.Hosting;

/// <summary>Builds the endpoint for a service type: its dispatcher, then a reliable or plain handler, mapped with endpoint routing.</summary>
internal static class EndpointFactory
{
    /// <summary>
    /// Maps a queued endpoint: a durable reliable endpoint whose accepted messages go to the target queue in the store,
    /// run by its queue consumer. Throws when a contract operation is not one-way (naming it), when the
    /// options are invalid, or when there is no store.
    /// </summary>
    public static IEndpointConventionBuilder MapQueue<TService>(IEndpointRouteBuilder endpoints, string pattern, Action<WsRmQueueOptions>? configure)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        if (services.GetService<WsRmServerMarker>() is null)
            throw new InvalidOperationException("MapWsRmQueue needs the WsRm server services: call builder.Services.AddWsRmServer() first.");
        var queue = new WsRmQueueOptions();
        configure?.Invoke(queue);
        var sections = Bind(services, pattern, queue);
        if (queue.Validate(setting => ConfigurationKeys.Describe(sections, setting, setting)).ToList() is { Count: > 0 } errors)
            throw new ArgumentException($"MapWsRmQueue at {pattern}: " + string.Join(" ", errors), nameof(configure));
        var options = services.GetRequiredService<IOptions<WsRmServerOptions>>().Value;
        var dispatcher = ServiceDispatcher.Create(typeof(TService), queue.Contract);
        if (dispatcher.Operations.FirstOrDefault(o => !o.IsOneWay) is { } twoWay)
            throw new InvalidOperationException(
                $"MapWsRmQueue at {pattern}: {typeof(TService).Name} has the request-reply operation '{twoWay.Name}' ({twoWay.Action}); a queued endpoint takes one-way operations only ([OperationContract(IsOneWay = true)]).");
        var endpoint = new ServiceEndpoint(pattern, dispatcher, queue.Ordered ?? options.Ordered, ServiceInstanceMode.PerCall,
            options.IncludeExceptionDetailInFaults, services)
        {
            Durable = true,
            Queue = queue,
            Metadata = queue.PublishMetadata ?? options.PublishMetadata
                ? MetadataFactory.Create(pattern, dispatcher, options, queue.Ordered ?? options.Ordered) : null,
        };
        var manager = services.GetRequiredService<SequenceManager>();
        manager.RegisterDurable(endpoint);
        var handler = new ReliableEndpointHandler(endpoint, manager, services.GetRequiredService<Queues.QueueConsumers>().Add(endpoint));
        return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync)
            .WithDisplayName($"WS-RM queue {dispatcher.ContractNames} at {pattern}");
    }

    public static IEndpointConventionBuilder Map<TService>(IEndpointRouteBuilder endpoints, string pattern,
        Action<WsRmServiceOptions>? configure, bool reliable) where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        if (services.GetService<WsRmServerMarker>() is null)
            throw new InvalidOperationException(
                $"{(reliable ? "MapWsRmService" : "MapSoapService")} needs the WsRm server services: call builder.Services.AddWsRmServer() first.");

        var serviceOptions = new WsRmServiceOptions();
        configure?.Invoke(serviceOptions);
        var sections = Bind(services, pattern, serviceOptions);
        var options = services.GetRequiredService<IOptions<WsRmServerOptions>>().Value;
        if (serviceOptions.Address is { IsAbsoluteUri: false } relative)
            throw new ArgumentException(
                $"{ConfigurationKeys.Describe(sections, nameof(serviceOptions.Address), "WsRmServiceOptions.Address")} must be an absolute URI, not '{relative}'.", nameof(configure));
        if (serviceOptions.InstanceMode is { } mode && !Enum.IsDefined(mode))
            throw new ArgumentException(
                $"{ConfigurationKeys.Describe(sections, nameof(serviceOptions.InstanceMode), "WsRmServiceOptions.InstanceMode")} must be PerSession, PerCall or Single.", nameof(configure));
        var dispatcher = ServiceDispatcher.Create(typeof(TService), serviceOptions.Contract);
        var endpoint = new ServiceEndpoint(pattern, dispatcher,
            serviceOptions.Ordered ?? options.Ordered,
            serviceOptions.InstanceMode ?? options.InstanceMode,
            options.IncludeExceptionDetailInFaults,
            services)
        {
            Address = serviceOptions.Address,
            Durable = serviceOptions.Durable,
            Metadata = serviceOptions.PublishMetadata ?? options.PublishMetadata
                ? MetadataFactory.Create(pattern, dispatcher, reliable ? options : null, serviceOptions.Ordered ?? options.Ordered) : null,
        };
        if (serviceOptions.Durable && !reliable)
            throw new InvalidOperationException(
                $"MapSoapService at {pattern}: {ConfigurationKeys.Describe(sections, nameof(serviceOptions.Durable), "Durable")} needs WS-RM sessions; use MapWsRmService.");
        if (serviceOptions.Durable) services.GetRequiredService<SequenceManager>().RegisterDurable(endpoint);

        SoapEndpointHandler handler = reliable
            ? new ReliableEndpointHandler(endpoint, services.GetRequiredService<SequenceManager>())
            : new PlainSoapEndpointHandler(endpoint, options, services.GetRequiredService<ILoggerFactory>().CreateLogger("WsRm.Server.Soap"));

        return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync)
            .WithDisplayName($"{(reliable ? "WS-RM" : "SOAP")} {dispatcher.ContractNames} at {pattern}");
    }

    /// <summary>
    /// Binds the endpoint's configuration sections (<c>{server section}:Endpoints:{pattern}</c>) over what the code's
    /// configure delegate set: code gives the endpoint's defaults, configuration has the last word (as later
    /// configuration sources override earlier ones). <c>Contract</c> is a type and can only be set in code.
    /// </summary>
    private static IReadOnlyList<IConfiguration> Bind(IServiceProvider services, string pattern, object endpointOptions)
    {
        var sections = services.GetRequiredService<EndpointConfiguration>().For(pattern);
        foreach (var section in sections) StrictConfigurationBinder.Bind(section, endpointOptions, codeOnly: CodeOnly);
        return sections;
    }

    private static readonly string[] CodeOnly = [nameof(WsRmServiceOptions.Contract)];
}
