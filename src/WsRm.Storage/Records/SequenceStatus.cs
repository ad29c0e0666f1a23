namespace WsRm.Storage;

/// <summary>Lifetime of a stored destination sequence; once nothing is left to deliver, an ended one is deleted, not kept.</summary>
public enum SequenceStatus
{
    /// <summary>Accepting messages.</summary>
    Active = 0,

    /// <summary>Closed by its source (WS-RM 1.1 CloseSequence): no new messages.</summary>
    Closed = 1,

    /// <summary>
    /// Terminated by its source, or expired, while messages it acknowledged were still to be delivered: unknown to its
    /// source from now on, deleted once they are delivered.
    /// </summary>
    Terminated = 2,
}
