namespace WsRm.Storage;

/// <summary>The queues a store holds.</summary>
public enum QueueKind
{
    /// <summary>Accepted messages of an endpoint waiting for delivery (target queue, durable session buffer).</summary>
    Target,

    /// <summary>Poison messages of an endpoint.</summary>
    Poison,

    /// <summary>Messages of a transmission queue waiting to be sent or acknowledged.</summary>
    Transmission,

    /// <summary>Messages of a transmission queue in its dead-letter queue.</summary>
    DeadLetter,
}
