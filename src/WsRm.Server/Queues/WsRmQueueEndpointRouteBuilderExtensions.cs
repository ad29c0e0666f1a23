using Microsoft.AspNetCore.Routing;
using WsRm.Server;
using WsRm.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps queued WS-RM endpoints (the target queue).</summary>
public static class WsRmQueueEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TService"/> at <paramref name="pattern"/> as a queued endpoint: every message accepted
    /// on a WS-RM 1.0 or 1.1 sequence is committed to the target queue in the store, with its sequence state, and only
    /// then acknowledged; a background consumer runs the service at its own pace (<see cref="WsRmQueueOptions.MaxConcurrentCalls"/>,
    /// per-sequence order kept when ordered), retries failures WCF's way and handles poison messages
    /// (<see cref="WsRmQueueOptions.ReceiveErrorHandling"/>). So a burst is absorbed and drained, and the sender need not
    /// wait for the service. The contract's operations must all be one-way; needs a store
    /// (<c>AddWsRmSqliteStore</c>/<c>AddWsRmPostgreSqlStore</c>). Throws at startup otherwise, naming the problem.
    /// </summary>
    public static IEndpointConventionBuilder MapWsRmQueue<TService>(this IEndpointRouteBuilder endpoints, string pattern,
        Action<WsRmQueueOptions>? configure = null) where TService : class
        => EndpointFactory.MapQueue<TService>(endpoints, pattern, configure);
}
