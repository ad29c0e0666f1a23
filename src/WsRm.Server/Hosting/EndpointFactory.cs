using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace WsRm.Server.Hosting;

/// <summary>Builds the endpoint for a service type. (Being written.)</summary>
internal static class EndpointFactory
{
    public static IEndpointConventionBuilder Map<TService>(IEndpointRouteBuilder endpoints, string pattern,
        Action<WsRmServiceOptions>? configure, bool reliable) where TService : class
        => throw new NotImplementedException();
}
