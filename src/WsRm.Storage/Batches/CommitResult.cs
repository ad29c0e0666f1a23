namespace WsRm.Storage;

/// <summary>What became of a <see cref="StoreBatch"/>.</summary>
public enum CommitResult
{
    /// <summary>Written and flushed.</summary>
    Committed,

    /// <summary>
    /// Not written: a row it changes was changed by someone else since it was read (a version check failed), or a row
    /// it inserts exists already. Read again and decide again.
    /// </summary>
    Conflict,
}
