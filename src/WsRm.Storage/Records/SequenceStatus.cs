namespace WsRm.Storage;

/// <summary>Lifetime of a stored destination sequence; a terminated one is deleted, not kept.</summary>
public enum SequenceStatus
{
    /// <summary>Accepting messages.</summary>
    Active = 0,

    /// <summary>Closed by its source (WS-RM 1.1 CloseSequence): no new messages.</summary>
    Closed = 1,
}
