namespace WsRm.Protocol.ReliableMessaging;

/// <summary>The <c>wsrm:SequenceAcknowledgement</c> header (WS-RM 1.1 §3.9).</summary>
public sealed record SequenceAcknowledgement
{
    /// <summary>The acknowledged sequence.</summary>
    public required string Identifier { get; init; }

    /// <summary>Received ranges, ascending and disjoint.</summary>
    public IReadOnlyList<AckRange> Ranges { get; init; } = [];

    /// <summary>Numbers reported missing (<c>wsrm:Nack</c>); exclusive with <see cref="Ranges"/>.</summary>
    public IReadOnlyList<ulong> Nacks { get; init; } = [];

    /// <summary>1.1 <c>wsrm:None</c>: nothing received yet.</summary>
    public bool None { get; init; }

    /// <summary>1.1 <c>wsrm:Final</c>: the destination accepts no more messages.</summary>
    public bool Final { get; init; }

    /// <summary>WCF's <c>netrm:BufferRemaining</c> flow-control hint, or null.</summary>
    public int? BufferRemaining { get; init; }
}
