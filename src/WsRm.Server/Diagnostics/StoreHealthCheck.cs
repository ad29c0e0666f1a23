using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Diagnostics;

/// <summary>
/// The durable store, when one is registered: one cheap round trip (<see cref="IWsRmStoreAdmin.CheckAsync"/>, which
/// counts the stored sequences); Unhealthy with the database's reason when it fails. When the server has durable or
/// queued endpoints, whose new sequences count against <see cref="WsRmServerOptions.MaxPendingChannels"/> in the store,
/// that count is judged as <see cref="LimitHealth"/> says. Without a store: Healthy, saying sequences live in memory.
/// </summary>
internal sealed class StoreHealthCheck(IWsRmStore? store, SequenceManager? manager, WsRmServerOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is null)
            return HealthCheckResult.Healthy("No WsRm store is registered: sequences live in process memory.",
                new Dictionary<string, object> { ["provider"] = "none" });

        var data = new Dictionary<string, object> { ["provider"] = store.Provider };
        int stored;
        try
        {
            stored = await store.Admin.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message, e, data);
        }
        data["sequences"] = stored;

        var durable = manager?.DurableEndpoints.Any() == true;
        if (!durable) return HealthCheckResult.Healthy($"The {store.Provider} store answered: {stored} sequences stored.", data);
        data["maxPendingChannels"] = options.MaxPendingChannels;
        var status = LimitHealth.Of(stored, options.MaxPendingChannels);
        var description = status switch
        {
            HealthStatus.Unhealthy => $"{stored} sequences stored: at MaxPendingChannels ({options.MaxPendingChannels}), new durable sequences are refused.",
            HealthStatus.Degraded => $"{stored} of {options.MaxPendingChannels} sequences stored: near MaxPendingChannels.",
            _ => $"The {store.Provider} store answered: {stored} of {options.MaxPendingChannels} sequences stored.",
        };
        return new HealthCheckResult(status, description, data: data);
    }
}
