using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WsRm.Client;

// The transmission queues' metrics, in the client meter, tagged wsrm.queue.
internal static partial class WsRmClientMetrics
{
    private static readonly ConcurrentDictionary<WsRmQueueForwarder, byte> Forwarders = new();
    // Made in the static constructor: it runs after the field initializers of every part, so Meter exists by then.
    private static readonly Counter<long> Enqueued;
    private static readonly Counter<long> Delivered;
    private static readonly Counter<long> DeadLetters;
    private static readonly Counter<long> Retries;

    static WsRmClientMetrics()
    {
        Enqueued = Meter.CreateCounter<long>("wsrm.client.queue.enqueued", "{message}", "Messages committed to a transmission queue.");
        Delivered = Meter.CreateCounter<long>("wsrm.client.queue.delivered", "{message}", "Messages acknowledged by the destination and removed from their transmission queue.");
        DeadLetters = Meter.CreateCounter<long>("wsrm.client.queue.dead_letters", "{message}", "Messages moved to a dead-letter queue, tagged wsrm.reason: expired, refused or sequence_lost.");
        Retries = Meter.CreateCounter<long>("wsrm.client.queue.retries", "{retry}", "Sessions of a transmission queue that failed and are tried again, tagged wsrm.failure: transient, sequence_lost or refused.");
        Meter.CreateObservableGauge("wsrm.client.queue.depth", () => Observe(f => f.Depth.Count), "{message}",
            "Messages waiting in a transmission queue (not yet acknowledged), as last read from the store.");
        Meter.CreateObservableGauge("wsrm.client.queue.oldest_age", () => Observe(f => f.OldestAge.TotalSeconds), "s",
            "Age of the oldest message waiting in a transmission queue, as last read from the store; 0 when empty.");
    }

    public static void QueueStarted(WsRmQueueForwarder forwarder) => Forwarders.TryAdd(forwarder, 0);

    public static void QueueStopped(WsRmQueueForwarder forwarder) => Forwarders.TryRemove(forwarder, out _);

    public static void MessageEnqueued(string queue) => Enqueued.Add(1, Tag(queue));

    public static void MessagesDelivered(string queue, int count) => Delivered.Add(count, Tag(queue));

    /// <summary><paramref name="reason"/>: <c>expired</c>, <c>refused</c> or <c>sequence_lost</c>.</summary>
    public static void MessagesDeadLettered(string queue, string reason, int count)
    {
        if (count > 0) DeadLetters.Add(count, Tag(queue), new KeyValuePair<string, object?>("wsrm.reason", reason));
    }

    public static void QueueRetry(string queue, DeliveryFailureKind kind) => Retries.Add(1, Tag(queue),
        new KeyValuePair<string, object?>("wsrm.failure", kind switch
        {
            DeliveryFailureKind.SequenceLost => "sequence_lost",
            DeliveryFailureKind.Refused => "refused",
            _ => "transient",
        }));

    private static IEnumerable<Measurement<T>> Observe<T>(Func<WsRmQueueForwarder, T> read) where T : struct =>
        Forwarders.Keys.Select(f => new Measurement<T>(read(f), Tag(f.QueueName))).ToArray();

    private static KeyValuePair<string, object?> Tag(string queue) => new("wsrm.queue", queue);
}
