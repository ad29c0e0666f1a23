namespace WsRm.Storage;

/// <summary>
/// A destination sequence as stored: what a server needs to go on with it after a restart, on this node or another.
/// Every change is written with the <see cref="Version"/> it was read at, so two writers cannot both change it.
/// </summary>
public sealed record StoredSequence
{
    /// <summary>The sequence identifier (a URI, at most 256 characters).</summary>
    public required string Id { get; init; }

    /// <summary>The route pattern of the endpoint that created it.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The WS-RM namespace it was created with.</summary>
    public required string RmNamespace { get; init; }

    /// <summary>The SOAP envelope namespace its source uses.</summary>
    public required string SoapNamespace { get; init; }

    /// <summary>The WS-Addressing namespace its source uses, or null.</summary>
    public string? AddressingNamespace { get; init; }

    /// <summary>The key the per-client limit counts by (authenticated identity or remote address).</summary>
    public required string ClientKey { get; init; }

    /// <summary>The authenticated identity that owns it, or null for an anonymous creator.</summary>
    public string? Owner { get; init; }

    /// <summary>The wsa:MessageID of the CreateSequence that made it.</summary>
    public string? CreateMessageId { get; init; }

    /// <summary>Whether delivery follows message numbers.</summary>
    public bool Ordered { get; init; }

    /// <summary>Active or closed.</summary>
    public SequenceStatus Status { get; init; }

    /// <summary>The numbers received (accepted), as acknowledgement ranges: <c>1-5,7-7</c>; empty when none.</summary>
    public string Received { get; init; } = "";

    /// <summary>The last message number once known (1.0 LastMessage, 1.1 LastMsgNumber, or the highest at close).</summary>
    public ulong? LastMessageNumber { get; init; }

    /// <summary>True when the source itself named <see cref="LastMessageNumber"/>.</summary>
    public bool LastNamedBySource { get; init; }

    /// <summary>The offered reply sequence's identifier, or null.</summary>
    public string? ReplyId { get; init; }

    /// <summary>The last number given to a reply on the reply sequence.</summary>
    public ulong ReplyLastNumber { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>When its source was last heard from (persisted at least every quarter of InactivityTimeout).</summary>
    public DateTimeOffset LastActivity { get; init; }

    /// <summary>The row version this record was read at; 0 for a sequence not stored yet.</summary>
    public long Version { get; init; }
}
