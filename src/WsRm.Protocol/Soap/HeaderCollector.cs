using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Soap;

/// <summary>Reads header blocks one at a time into typed values, then fills a <see cref="SoapMessage"/>.</summary>
internal sealed class HeaderCollector(SoapVersion version)
{
    // The roles this node plays (SOAP 1.2 Part 1 §2.2, SOAP 1.1 §4.2.2); a header block aimed at any other role is
    // not ours: it is neither processed nor checked for mustUnderstand.
    private static readonly string[] OurRoles =
    [
        "http://www.w3.org/2003/05/soap-envelope/role/next",
        "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
        "http://schemas.xmlsoap.org/soap/actor/next",
    ];

    // The addressing headers as read, put into one AddressingHeaders at the end rather than copying the record
    // for each header.
    private AddressingVersion? _wsa;
    private string? _to, _action, _messageId, _relatesTo;
    private EndpointReference? _replyTo, _faultTo, _from;
    private AddressingHeaderKind _seen;
    private RmVersion? _rm;
    private SequenceHeader? _sequence;
    private List<SequenceAcknowledgement>? _acks;
    private List<AckRequested>? _ackRequests;
    private List<XmlQualifiedName>? _notUnderstood;

    public void Read(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var name = reader.LocalName;
        // Most header blocks carry no attribute at all: no need to look mustUnderstand and role up.
        var hasAttributes = reader.HasAttributes;
        var role = hasAttributes ? reader.GetAttribute(version == SoapVersion.Soap12 ? "role" : "actor", version.Namespace) : null;
        if (!string.IsNullOrEmpty(role) && Array.IndexOf(OurRoles, role) < 0)
        {
            reader.Skip();
            return;
        }
        var mustUnderstand = hasAttributes && MustUnderstand(reader, name, ns);

        if (AddressingVersion.FromNamespace(ns) is { } wsa && ReadAddressing(reader, wsa, name)) return;
        if (RmVersion.FromNamespace(ns) is { } rm && ReadReliableMessaging(reader, rm, name)) return;

        if (mustUnderstand) (_notUnderstood ??= []).Add(new XmlQualifiedName(name, ns));
        reader.Skip();
    }

    // SOAP 1.2 Part 1 §5.2.3: an xs:boolean; SOAP 1.1 §4.2.3 writes "0" or "1", and true/false are taken too (as WCF
    // does). Anything else is neither false nor true: the sender's error, named in a Sender (1.1: Client) fault.
    private bool MustUnderstand(XmlReader reader, string name, string ns)
    {
        var value = reader.GetAttribute("mustUnderstand", version.Namespace);
        if (value is null) return false;
        return XmlValues.ParseBoolean(value) ?? throw new SoapParseException(
            $"The mustUnderstand attribute of the header '{new XmlQualifiedName(name, ns)}' must be an xs:boolean " +
            $"(true, false, 1 or 0), not '{XmlValues.Shorten(value)}'.");
    }

    private bool ReadAddressing(XmlReader reader, AddressingVersion wsa, string name)
    {
        if (_wsa is { } seen && seen != wsa)
            throw new SoapParseException($"The message mixes WS-Addressing namespaces '{seen.Namespace}' and '{wsa.Namespace}'.");
        var header = name switch
        {
            "To" => AddressingHeaderKind.To,
            "Action" => AddressingHeaderKind.Action,
            "MessageID" => AddressingHeaderKind.MessageId,
            "RelatesTo" => AddressingHeaderKind.RelatesTo,
            "ReplyTo" => AddressingHeaderKind.ReplyTo,
            "FaultTo" => AddressingHeaderKind.FaultTo,
            "From" => AddressingHeaderKind.From,
            _ => AddressingHeaderKind.None,
        };
        if (header == AddressingHeaderKind.None) return false;
        // WS-Addressing 1.0 Core §3.2: at most one of each, except RelatesTo (one per relationship type).
        if (header != AddressingHeaderKind.RelatesTo && (_seen & header) != 0)
            throw new SoapParseException($"The message has more than one wsa:{name} header.");
        _seen |= header;
        _wsa = wsa;
        switch (header)
        {
            case AddressingHeaderKind.To: _to = ReadText(reader); break;
            case AddressingHeaderKind.Action: _action = ReadText(reader); break;
            case AddressingHeaderKind.MessageId: _messageId = ReadText(reader); break;
            case AddressingHeaderKind.RelatesTo: _relatesTo = ReadText(reader); break;
            case AddressingHeaderKind.ReplyTo: _replyTo = EndpointReferenceReader.Read(reader, wsa); break;
            case AddressingHeaderKind.FaultTo: _faultTo = EndpointReferenceReader.Read(reader, wsa); break;
            default: _from = EndpointReferenceReader.Read(reader, wsa); break;
        }
        return true;
    }

    private bool ReadReliableMessaging(XmlReader reader, RmVersion rm, string name)
    {
        switch (name)
        {
            case "Sequence":
                SetRm(rm);
                if (_sequence is not null) throw new SoapParseException("The message has more than one Sequence header.");
                _sequence = RmHeaderReader.ReadSequence(reader, rm);
                return true;
            case "SequenceAcknowledgement":
                SetRm(rm);
                (_acks ??= []).Add(RmHeaderReader.ReadAcknowledgement(reader, rm));
                return true;
            case "AckRequested":
                SetRm(rm);
                (_ackRequests ??= []).Add(RmHeaderReader.ReadAckRequested(reader, rm));
                return true;
            case "SequenceFault":
                SetRm(rm);
                reader.Skip();
                return true;
            default:
                return false;
        }
    }

    private void SetRm(RmVersion rm)
    {
        if (_rm is not null && _rm != rm)
            throw new SoapParseException($"The message mixes WS-RM namespaces '{_rm.Namespace}' and '{rm.Namespace}'.");
        _rm = rm;
    }

    private static string ReadText(XmlReader reader) => reader.ReadElementContentAsString().Trim();

    public void ApplyTo(SoapMessage message, string? transportAction)
    {
        message.Addressing = new AddressingHeaders
        {
            Version = _wsa,
            To = _to,
            Action = _action ?? (string.IsNullOrEmpty(transportAction) ? null : transportAction),
            MessageId = _messageId,
            RelatesTo = _relatesTo,
            ReplyTo = _replyTo,
            FaultTo = _faultTo,
            From = _from,
        };
        message.RmVersion = _rm;
        message.Sequence = _sequence;
        message.Acknowledgements = (IReadOnlyList<SequenceAcknowledgement>?)_acks ?? [];
        message.AckRequests = (IReadOnlyList<AckRequested>?)_ackRequests ?? [];
        message.NotUnderstood = (IReadOnlyList<XmlQualifiedName>?)_notUnderstood ?? [];
    }
}
