namespace WsRm.Storage;

/// <summary>A reply kept on a durable reply sequence until acknowledged, to answer a retransmitted request after a restart.</summary>
public sealed record StoredReply
{
    /// <summary>The request sequence (whose offered sequence numbers the replies).</summary>
    public required string SequenceId { get; init; }

    /// <summary>The request's message number.</summary>
    public required ulong RequestNumber { get; init; }

    /// <summary>The reply's number on the reply sequence.</summary>
    public required ulong ReplyNumber { get; init; }

    /// <summary>The reply's wsa:Action (null for a fault).</summary>
    public string? Action { get; init; }

    /// <summary>The reply body's content (the element(s) inside soap:Body, a soap:Fault for a fault), UTF-8 XML; empty for none.</summary>
    public required byte[] Body { get; init; }

    /// <summary>True when <see cref="Body"/> is a SOAP fault (sent with HTTP 500).</summary>
    public bool IsFault { get; init; }

    /// <summary>True for WS-RM 1.0's LastMessage ending the reply sequence.</summary>
    public bool LastMessage { get; init; }
}
