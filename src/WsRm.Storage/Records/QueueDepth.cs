namespace WsRm.Storage;

/// <summary>How many messages one queue holds and since when.</summary>
/// <param name="Kind">Which kind of queue.</param>
/// <param name="Name">The endpoint (target and poison queues) or transmission queue name.</param>
/// <param name="Count">Messages in it.</param>
/// <param name="Oldest">When the oldest was accepted or enqueued, or null when empty.</param>
public sealed record QueueDepth(QueueKind Kind, string Name, long Count, DateTimeOffset? Oldest);
