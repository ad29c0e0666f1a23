using Microsoft.AspNetCore.Routing;
using WsRm.Server;
using WsRm.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps plain (non-reliable) SOAP service endpoints.</summary>
public static class SoapEndpointRouteBuilderExtensions
{
    /// <summary>Serves <typeparamref name="TService"/> at <paramref name="pattern"/> as plain SOAP 1.1/1.2, without WS-RM.</summary>
    public static IEndpointConventionBuilder MapSoapService<TService>(this IEndpointRouteBuilder endpoints, string pattern,
        Action<WsRmServiceOptions>? configure = null) where TService : class
        => EndpointFactory.Map<TService>(endpoints, pattern, configure, reliable: false);
}
