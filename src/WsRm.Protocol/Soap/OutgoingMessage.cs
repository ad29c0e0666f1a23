using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Soap;

/// <summary>A message to write: addressing and RM headers, and either a body or a fault.</summary>
public sealed class OutgoingMessage
{
    /// <summary>Creates a message in the given SOAP and WS-Addressing versions.</summary>
    public OutgoingMessage(SoapVersion soap, AddressingVersion? addressing)
    {
        Soap = soap;
        Addressing = addressing;
    }

    /// <summary>SOAP version.</summary>
    public SoapVersion Soap { get; }

    /// <summary>WS-Addressing version; null writes no addressing headers (for a peer that sent none).</summary>
    public AddressingVersion? Addressing { get; }

    /// <summary>wsa:Action (for a fault without its own action, the addressing version's fault action is used).</summary>
    public string? Action { get; set; }

    /// <summary>wsa:RelatesTo.</summary>
    public string? RelatesTo { get; set; }

    /// <summary>wsa:To.</summary>
    public string? To { get; set; }

    /// <summary>wsa:MessageID.</summary>
    public string? MessageId { get; set; }

    /// <summary>WS-RM version of the RM headers.</summary>
    public RmVersion? Rm { get; set; }

    /// <summary>A Sequence header (requires <see cref="Rm"/>).</summary>
    public SequenceHeader? Sequence { get; set; }

    /// <summary>SequenceAcknowledgement headers (requires <see cref="Rm"/>).</summary>
    public List<SequenceAcknowledgement> Acknowledgements { get; } = [];

    /// <summary>AckRequested headers (requires <see cref="Rm"/>).</summary>
    public List<AckRequested> AckRequests { get; } = [];

    /// <summary>Writes the body's children; null for an empty body.</summary>
    public Action<XmlWriter>? WriteBody { get; set; }

    /// <summary>A fault to put in the body instead of <see cref="WriteBody"/>.</summary>
    public SoapFault? Fault { get; set; }

    /// <summary>
    /// True when <see cref="WriteBody"/> writes a fault rendered earlier (a reply kept in a store): the message is sent as
    /// a fault (HTTP 500) although <see cref="Fault"/> is null.
    /// </summary>
    public bool FaultInBody { get; set; }

    /// <summary>True when the message carries a fault, either way.</summary>
    public bool IsFault => Fault is not null || FaultInBody;

    /// <summary>The action written: <see cref="Action"/>, or the default fault action for faults.</summary>
    public string? EffectiveAction => Action ?? Fault?.Action ?? (Fault is not null ? Addressing?.FaultAction : null);
}
