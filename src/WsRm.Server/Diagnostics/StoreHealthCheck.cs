using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Diagnostics;

/// <summary>
/// The durable store, when one is registered: one cheap round trip (<see cref="IWsRmStoreAdmin.CheckAsync"/>, which
/// counts the stored sequences); Unhealthy with the database's reason when it fails. When the server has durable or
/// queued endpoints, whose new sequences count against <see cref="WsRmServerOptions.MaxPendingChannels"/> in the store,
/// that count is judged as <see cref="LimitHealth"/> says, and so is each queued endpoint's target queue against its
/// <see cref="WsRmQueueOptions.MaxQueueLength"/> (at it, the endpoint takes no new message). Without a store:
/// Healthy, saying sequences live in memory.
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
        return await WithQueuesAsync(new HealthCheckResult(status, description, data: data), data, cancellationToken).ConfigureAwait(false);
    }

    // The target queues of queued endpoints against their MaxQueueLength; the worse status wins, its reason first.
    private async Task<HealthCheckResult> WithQueuesAsync(HealthCheckResult sequences, Dictionary<string, object> data, CancellationToken cancellationToken)
    {
        var queued = manager!.DurableEndpoints.Where(e => e.Queue is not null).ToList();
        if (queued.Count == 0) return sequences;
        IReadOnlyList<QueueDepth> depths;
        try
        {
            depths = await store!.Admin.GetQueueDepthsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message, e, data);
        }
        var status = sequences.Status;
        // What is not healthy, each in its own words; all healthy, the sequences' description says it.
        var reasons = new List<string>();
        if (sequences.Status != HealthStatus.Healthy) reasons.Add(sequences.Description!);
        foreach (var endpoint in queued)
        {
            var max = endpoint.Queue!.MaxQueueLength;
            var count = depths.FirstOrDefault(d => d.Kind == QueueKind.Target && d.Name == endpoint.Pattern)?.Count ?? 0;
            data[$"queue {endpoint.Pattern}"] = $"{count} of {max}";
            var queue = LimitHealth.Of(count, max);
            if (queue == HealthStatus.Unhealthy) reasons.Add($"The target queue of {endpoint.Pattern} holds {count}: at MaxQueueLength ({max}), new messages are not taken.");
            else if (queue == HealthStatus.Degraded) reasons.Add($"The target queue of {endpoint.Pattern} holds {count} of {max}: near MaxQueueLength.");
            status = LimitHealth.Worse(status, queue);
        }
        return new HealthCheckResult(status, reasons.Count == 0 ? sequences.Description : string.Join(" ", reasons), data: data);
    }
}
