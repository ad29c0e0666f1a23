namespace WsRm.Server;

/// <summary>
/// What a queued endpoint does with a poison message: one that failed every attempt of every retry cycle. WCF's names
/// (<c>System.ServiceModel.ReceiveErrorHandling</c>); the default here is <see cref="Move"/>, not WCF's Fault.
/// </summary>
public enum ReceiveErrorHandling
{
    /// <summary>
    /// Stops the whole endpoint: the message stays first in line (<c>Faulted</c>) and nothing else is delivered until an
    /// operator requeues or purges it (<c>wsrm poison requeue|purge</c>). Messages are still received and acknowledged.
    /// </summary>
    Fault,

    /// <summary>Deletes the message (logged at Warning). Nothing is kept.</summary>
    Drop,

    /// <summary>
    /// Marks the message rejected and keeps it aside. MSMQ told the sender with a negative acknowledgement; WS-RM has no
    /// way back once a message was acknowledged, so the sender is not told: the message waits in the poison queue
    /// (state Rejected) for an operator, like <see cref="Move"/>.
    /// </summary>
    Reject,

    /// <summary>Moves the message to the endpoint's poison queue (state Parked), where an operator can inspect, requeue or purge it; later messages flow on.</summary>
    Move,
}
