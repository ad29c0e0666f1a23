using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsRm.Server.Storage;

namespace WsRm.Server.Diagnostics;

/// <summary>
/// The sequences open in this process against <see cref="WsRmServerOptions.MaxPendingChannels"/> (Degraded from 90 %,
/// Unhealthy at the limit: see <see cref="LimitHealth"/>), and the busiest client's against
/// <see cref="WsRmServerOptions.MaxSequencesPerClient"/> (Degraded at it: that client's new sequences are refused,
/// the others' are not). Counts what the limits count when a CreateSequence arrives at an in-memory endpoint; no I/O.
/// </summary>
internal sealed class SequenceLimitsHealthCheck(ISequenceStore? sequences, WsRmServerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (sequences is null)
            return Task.FromResult(HealthCheckResult.Unhealthy("The WS-RM server is not registered: call builder.Services.AddWsRmServer()."));

        var open = sequences.Count;
        var busiest = open == 0 ? 0 : sequences.Snapshot().GroupBy(r => r.ClientKey).Select(g => g.Count()).DefaultIfEmpty().Max();
        var data = new Dictionary<string, object>
        {
            ["sequences"] = open,
            ["maxPendingChannels"] = options.MaxPendingChannels,
            ["busiestClientSequences"] = busiest,
            ["maxSequencesPerClient"] = options.MaxSequencesPerClient,
        };

        var status = LimitHealth.Of(open, options.MaxPendingChannels);
        var clientAtLimit = busiest >= options.MaxSequencesPerClient;
        if (clientAtLimit) status = LimitHealth.Worse(status, HealthStatus.Degraded);
        var description = status switch
        {
            HealthStatus.Unhealthy => $"{open} sequences open: at MaxPendingChannels ({options.MaxPendingChannels}), new sequences are refused.",
            _ when clientAtLimit && !LimitHealth.IsNear(open, options.MaxPendingChannels) =>
                $"{open} of {options.MaxPendingChannels} sequences open; a client is at MaxSequencesPerClient ({options.MaxSequencesPerClient}), its new sequences are refused.",
            HealthStatus.Degraded => $"{open} of {options.MaxPendingChannels} sequences open: near MaxPendingChannels.",
            _ => $"{open} of {options.MaxPendingChannels} sequences open.",
        };
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }
}
