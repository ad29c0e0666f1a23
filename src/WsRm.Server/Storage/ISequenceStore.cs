namespace WsRm.Server.Storage;

/// <summary>
/// Where sequence state lives. In memory today; the SQLite and PostgreSQL stores of the queue and farm work implement
/// the same few operations over the same data (<see cref="SequenceRecord"/>), so the interface speaks of records and
/// counts, not of locks or timers.
/// </summary>
public interface ISequenceStore
{
    /// <summary>Adds a new sequence; false when the id (or its offered reply id) is taken.</summary>
    bool TryAdd(SequenceRecord record);

    /// <summary>Finds a sequence by its id.</summary>
    SequenceRecord? Find(string sequenceId);

    /// <summary>Finds the sequence whose reply (offered) sequence has this id.</summary>
    SequenceRecord? FindByReplyId(string replySequenceId);

    /// <summary>Removes a sequence; false when it was not there.</summary>
    bool Remove(string sequenceId);

    /// <summary>Sequences stored.</summary>
    int Count { get; }

    /// <summary>Sequences stored for one client (remote address).</summary>
    int CountForClient(string clientKey);

    /// <summary>A snapshot of all sequences (for expiry sweeps).</summary>
    IReadOnlyList<SequenceRecord> Snapshot();
}
