using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;

namespace WsRm.Server.Storage;

/// <summary>The state of one sequence terminated by this server: the destination side and the offered reply sequence.</summary>
public sealed class SequenceRecord
{
    /// <summary>Creates a record.</summary>
    public SequenceRecord(DestinationSequence destination, ReplySequence? reply, string endpoint, string clientKey,
        SoapVersion soap, AddressingVersion? addressing, DateTimeOffset created)
    {
        Destination = destination;
        Reply = reply;
        Endpoint = endpoint;
        ClientKey = clientKey;
        Soap = soap;
        Addressing = addressing;
        Created = created;
    }

    /// <summary>The sequence id.</summary>
    public string Id => Destination.Id;

    /// <summary>The RM version.</summary>
    public RmVersion Rm => Destination.Rm;

    /// <summary>Incoming messages: received ranges, delivery order, close and terminate.</summary>
    public DestinationSequence Destination { get; }

    /// <summary>Replies, when the client offered a sequence for them.</summary>
    public ReplySequence? Reply { get; }

    /// <summary>The route pattern of the endpoint that created it.</summary>
    public string Endpoint { get; }

    /// <summary>The client's authenticated identity, or its remote address, for the per-client bound.</summary>
    public string ClientKey { get; }

    /// <summary>SOAP version used by the client.</summary>
    public SoapVersion Soap { get; }

    /// <summary>WS-Addressing version used by the client.</summary>
    public AddressingVersion? Addressing { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>
    /// The <c>wsa:MessageID</c> of the CreateSequence that made it, to recognise that same request retransmitted or
    /// duplicated on the way.
    /// </summary>
    public string? CreateMessageId { get; init; }

    /// <summary>
    /// The authenticated identity that created the sequence (<c>{authentication type}:{name}</c>), or null when its
    /// creator was anonymous. Only that identity may send into the sequence, acknowledge, close or terminate it.
    /// </summary>
    public string? Owner { get; init; }
}
