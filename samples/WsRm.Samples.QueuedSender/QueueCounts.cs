using WsRm.Storage;

namespace WsRm.Samples.QueuedSender;

/// <summary>A transmission queue's messages waiting for delivery and in its dead-letter queue, as the store has them.</summary>
internal readonly record struct QueueCounts(long Waiting, long Dead)
{
    public static async Task<QueueCounts> ReadAsync(IWsRmStore store, string queue, CancellationToken cancellationToken)
    {
        var depths = await store.Admin.GetQueueDepthsAsync(cancellationToken).ConfigureAwait(false);
        return new QueueCounts(
            depths.Where(d => d.Kind == QueueKind.Transmission && d.Name == queue).Sum(d => d.Count),
            depths.Where(d => d.Kind == QueueKind.DeadLetter && d.Name == queue).Sum(d => d.Count));
    }
}
