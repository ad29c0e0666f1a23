namespace WsRm.Storage;

/// <summary>Where a message in a transmission queue stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent, or sent and not yet acknowledged (<see cref="OutboxMessage.Number"/> set).</summary>
    Pending = 0,

    /// <summary>In the sender's dead-letter queue: expired (TimeToLive) or undeliverable; see <see cref="OutboxMessage.DeadReason"/>.</summary>
    Dead = 1,
}
