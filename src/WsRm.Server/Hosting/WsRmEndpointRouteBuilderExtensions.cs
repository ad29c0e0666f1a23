using Microsoft.AspNetCore.Routing;
using WsRm.Server;
using WsRm.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps reliable (WS-RM) SOAP service endpoints.</summary>
public static class WsRmEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TService"/> at <paramref name="pattern"/> over WS-ReliableMessaging 1.0 and 1.1,
    /// SOAP 1.1 and 1.2. Messages without a WS-RM sequence get the WSRMRequired fault.
    /// </summary>
    public static IEndpointConventionBuilder MapWsRmService<TService>(this IEndpointRouteBuilder endpoints, string pattern,
        Action<WsRmServiceOptions>? configure = null) where TService : class
        => EndpointFactory.Map<TService>(endpoints, pattern, configure, reliable: true);
}
