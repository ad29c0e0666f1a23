using System.Diagnostics.Metrics;

namespace WsRm.Storage;

/// <summary>
/// The store's metrics (meter <c>WsRm.Storage</c>): transactions committed (each one flush to disk) and batches written,
/// so that <c>wsrm.store.batches / wsrm.store.commits</c> shows how many messages share a flush.
/// </summary>
public static class StoreMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "WsRm.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Commits = Meter.CreateCounter<long>("wsrm.store.commits", "{commit}", "Transactions committed (one flush each).");
    private static readonly Counter<long> Batches = Meter.CreateCounter<long>("wsrm.store.batches", "{batch}", "Batches written (several share a commit).");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("wsrm.store.conflicts", "{batch}", "Batches left out because a version check failed.");

    internal static void Committed(string provider, int batches)
    {
        var tag = new KeyValuePair<string, object?>("wsrm.store.provider", provider);
        Commits.Add(1, tag);
        Batches.Add(batches, tag);
    }

    internal static void Conflicted(string provider) => Conflicts.Add(1, new KeyValuePair<string, object?>("wsrm.store.provider", provider));
}
