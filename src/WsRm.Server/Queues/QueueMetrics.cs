using System.Diagnostics.Metrics;
using WsRm.Storage;

namespace WsRm.Server.Queues;

/// <summary>
/// Target queue metrics, in the server's meter: depth and age of the oldest message per queued endpoint (and of its
/// poison queue), as last read from the store; attempts that failed; poison messages by what was done with them.
/// </summary>
internal sealed class QueueMetrics
{
    private readonly Counter<long> _retries;
    private readonly Counter<long> _poison;
    private readonly Counter<long> _processed;
    private IReadOnlyList<QueueDepth> _depths = [];

    public QueueMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        var meter = meterFactory.Create(WsRmServerDiagnostics.MeterName);
        _retries = meter.CreateCounter<long>("wsrm.queue.failures", "{attempt}", "Delivery attempts of queued messages that failed (each is retried, or ends as poison).");
        _poison = meter.CreateCounter<long>("wsrm.queue.poison", "{message}", "Queued messages that failed every attempt (tagged wsrm.receive_error_handling).");
        _processed = meter.CreateCounter<long>("wsrm.queue.processed", "{message}", "Queued messages the service processed.");
        meter.CreateObservableGauge("wsrm.queue.depth", () => Measure(d => d.Count), "{message}",
            "Messages in each target queue (wsrm.queue.kind = target) and poison queue (poison), tagged with the endpoint.");
        meter.CreateObservableGauge("wsrm.queue.oldest_age", () => Measure(d => d.Oldest is { } o ? (time.GetUtcNow() - o).TotalSeconds : 0), "s",
            "Age of the oldest message in each target and poison queue.");
    }

    /// <summary>Keeps the latest depths read from the store (endpoints' target and poison queues).</summary>
    public void Update(IReadOnlyList<QueueDepth> depths) => _depths = depths;

    public void Failed(string endpoint) => _retries.Add(1, new KeyValuePair<string, object?>("wsrm.endpoint", endpoint));

    public void Processed(string endpoint) => _processed.Add(1, new KeyValuePair<string, object?>("wsrm.endpoint", endpoint));

    public void Poison(string endpoint, ReceiveErrorHandling handling) => _poison.Add(1,
        new KeyValuePair<string, object?>("wsrm.endpoint", endpoint), new KeyValuePair<string, object?>("wsrm.receive_error_handling", handling.ToString()));

    private IEnumerable<Measurement<T>> Measure<T>(Func<QueueDepth, T> value) where T : struct
    {
        foreach (var d in _depths)
        {
            if (d.Kind is not (QueueKind.Target or QueueKind.Poison)) continue;
            yield return new Measurement<T>(value(d), new KeyValuePair<string, object?>("wsrm.endpoint", d.Name),
                new KeyValuePair<string, object?>("wsrm.queue.kind", d.Kind == QueueKind.Target ? "target" : "poison"));
        }
    }
}
