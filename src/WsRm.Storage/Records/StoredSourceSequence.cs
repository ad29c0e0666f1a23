namespace WsRm.Storage;

/// <summary>The source sequence a transmission queue currently sends on: the destination's identifier and the numbering.</summary>
public sealed record StoredSourceSequence
{
    /// <summary>The transmission queue it belongs to (one current sequence per queue).</summary>
    public required string Queue { get; init; }

    /// <summary>The identifier the destination gave it (CreateSequenceResponse).</summary>
    public required string Id { get; init; }

    /// <summary>The destination's address (wsa:To) it was created for.</summary>
    public required string Address { get; init; }

    /// <summary>The WS-RM namespace.</summary>
    public required string RmNamespace { get; init; }

    /// <summary>The last message number assigned.</summary>
    public ulong LastNumber { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>The row version this record was read at; 0 for one not stored yet.</summary>
    public long Version { get; init; }
}
