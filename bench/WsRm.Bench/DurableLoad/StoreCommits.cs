using System.Diagnostics.Metrics;
using WsRm.Storage;

namespace WsRm.Bench.DurableLoad;

/// <summary>Counts the store's commits (each one flush to disk) and batches, per provider, from the WsRm.Storage meter.</summary>
internal sealed class StoreCommits : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _commits;
    private long _batches;

    public StoreCommits()
    {
        _listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == StoreMetrics.MeterName) l.EnableMeasurementEvents(instrument); };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "wsrm.store.commits") Interlocked.Add(ref _commits, value);
            else if (instrument.Name == "wsrm.store.batches") Interlocked.Add(ref _batches, value);
        });
        _listener.Start();
    }

    public (long Commits, long Batches) Snapshot() => (Interlocked.Read(ref _commits), Interlocked.Read(ref _batches));

    public void Dispose() => _listener.Dispose();
}
