using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Protocol.Contracts;
using WsRm.Server.Dispatch;
using WsRm.Server.Sequences;

namespace WsRm.Server.Hosting;

/// <summary>Builds the endpoint for a service type: its dispatcher, then a reliable or plain handler, mapped with endpoint routing.</summary>
internal static class EndpointFactory
{
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
        var options = services.GetRequiredService<IOptions<WsRmServerOptions>>().Value;
        if (serviceOptions.Address is { IsAbsoluteUri: false } relative)
            throw new ArgumentException($"WsRmServiceOptions.Address must be an absolute URI, not '{relative}'.", nameof(configure));
        var dispatcher = ServiceDispatcher.Create(typeof(TService), serviceOptions.Contract);
        var endpoint = new ServiceEndpoint(pattern, dispatcher,
            serviceOptions.Ordered ?? options.Ordered,
            serviceOptions.InstanceMode ?? options.InstanceMode,
            options.IncludeExceptionDetailInFaults,
            services)
        {
            Address = serviceOptions.Address,
            Durable = serviceOptions.Durable,
        };
        if (serviceOptions.Durable && !reliable)
            throw new InvalidOperationException($"MapSoapService at {pattern}: Durable needs WS-RM sessions; use MapWsRmService.");
        if (serviceOptions.Durable) services.GetRequiredService<SequenceManager>().RegisterDurable(endpoint);

        SoapEndpointHandler handler = reliable
            ? new ReliableEndpointHandler(endpoint, services.GetRequiredService<SequenceManager>())
            : new PlainSoapEndpointHandler(endpoint, options, services.GetRequiredService<ILoggerFactory>().CreateLogger("WsRm.Server.Soap"));

        return endpoints.Map(pattern, (RequestDelegate)handler.HandleAsync)
            .WithDisplayName($"{(reliable ? "WS-RM" : "SOAP")} {dispatcher.ContractNames} at {pattern}");
    }
}
