namespace WsRm.Storage;

/// <summary>Where an accepted message stands (the target queue, and the receive buffer of a durable session).</summary>
public enum MessageState
{
    /// <summary>Waiting to be delivered (possibly not before <see cref="StoredMessage.NotBefore"/>).</summary>
    Ready = 0,

    /// <summary>Taken by a consumer until <see cref="StoredMessage.LeaseUntil"/>; after that it is ready again.</summary>
    InProgress = 1,

    /// <summary>Poison, moved aside (<c>ReceiveErrorHandling.Move</c>): kept for an operator to inspect, requeue or purge.</summary>
    Parked = 2,

    /// <summary>Poison, rejected (<c>ReceiveErrorHandling.Reject</c>): kept like a parked one, marked as rejected.</summary>
    Rejected = 3,

    /// <summary>Poison that stops its endpoint (<c>ReceiveErrorHandling.Fault</c>) until an operator removes or requeues it.</summary>
    Faulted = 4,

    /// <summary>
    /// Accepted on an ordered sequence behind a gap: kept (it was acknowledged) but not deliverable until the numbers
    /// before it arrive (<see cref="ReleaseWaiting"/>).
    /// </summary>
    Waiting = 5,
}
