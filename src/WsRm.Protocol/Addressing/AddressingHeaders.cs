namespace WsRm.Protocol.Addressing;

/// <summary>The WS-Addressing message information headers of one message.</summary>
public sealed record AddressingHeaders
{
    /// <summary>The namespace the headers were in; null when the message had none.</summary>
    public AddressingVersion? Version { get; init; }

    /// <summary>wsa:To.</summary>
    public string? To { get; init; }

    /// <summary>wsa:Action.</summary>
    public string? Action { get; init; }

    /// <summary>wsa:MessageID.</summary>
    public string? MessageId { get; init; }

    /// <summary>wsa:RelatesTo.</summary>
    public string? RelatesTo { get; init; }

    /// <summary>wsa:ReplyTo.</summary>
    public EndpointReference? ReplyTo { get; init; }

    /// <summary>wsa:FaultTo.</summary>
    public EndpointReference? FaultTo { get; init; }

    /// <summary>wsa:From.</summary>
    public EndpointReference? From { get; init; }
}
