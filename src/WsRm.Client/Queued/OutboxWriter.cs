using System.Xml;
using WsRm.Protocol.Xml;
using WsRm.Storage;

namespace WsRm.Client;

/// <summary>
/// Commits one-way calls to a transmission queue: the body rendered to bytes by the operation's formatter (what the
/// typed proxy would send), the action, the enqueue time and the expiry (<see cref="WsRmQueuedClientOptions.TimeToLive"/>);
/// then wakes the forwarder. Thread-safe.
/// </summary>
internal sealed class OutboxWriter(string queue, WsRmQueuedClientOptions options, IWsRmStore store, TimeProvider time,
    Func<CancellationToken, Task> ready, WsRmQueueForwarder forwarder)
{
    /// <summary>Completes (with null) once the message is durable in the store; throws what the store throws.</summary>
    public async Task<object?> EnqueueAsync(ClientOperation operation, object?[] arguments)
    {
        void Write(XmlWriter writer) => operation.Formatter.WriteRequest(writer, arguments);
        var body = XmlFragments.Render(Write); // before any await: a formatter that throws fails the call, nothing is queued
        await ready(CancellationToken.None).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            Queue = queue,
            Action = operation.Model.Action,
            Body = body,
            Enqueued = now,
            ExpiresAt = options.ExpiryOf(now),
            State = OutboxState.Pending,
        };
        await store.CommitAsync(StoreBatch.Of(new Enqueue(message))).ConfigureAwait(false);
        WsRmClientMetrics.MessageEnqueued(queue);
        forwarder.Notify();
        return null;
    }
}
