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

    private readonly HashSet<string> _seenAddressing = new(StringComparer.Ordinal);

    private AddressingHeaders _addressing = new();
    private RmVersion? _rm;
    private SequenceHeader? _sequence;
    private List<SequenceAcknowledgement>? _acks;
    private List<AckRequested>? _ackRequests;
    private List<XmlQualifiedName>? _notUnderstood;

    public void Read(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var name = reader.LocalName;
        var mustUnderstand = XmlValues.ParseBoolean(reader.GetAttribute("mustUnderstand", version.Namespace));
        var role = reader.GetAttribute(version == SoapVersion.Soap12 ? "role" : "actor", version.Namespace);
        if (!string.IsNullOrEmpty(role) && Array.IndexOf(OurRoles, role) < 0)
        {
            reader.Skip();
            return;
        }

        if (AddressingVersion.FromNamespace(ns) is { } wsa && ReadAddressing(reader, wsa, name)) return;
        if (RmVersion.FromNamespace(ns) is { } rm && ReadReliableMessaging(reader, rm, name)) return;

        if (mustUnderstand) (_notUnderstood ??= []).Add(new XmlQualifiedName(name, ns));
        reader.Skip();
    }

    private bool ReadAddressing(XmlReader reader, AddressingVersion wsa, string name)
    {
        if (_addressing.Version is { } seen && seen != wsa)
            throw new SoapParseException($"The message mixes WS-Addressing namespaces '{seen.Namespace}' and '{wsa.Namespace}'.");
        // WS-Addressing 1.0 Core §3.2: at most one of each, except RelatesTo (one per relationship type).
        if (name is "To" or "Action" or "MessageID" or "ReplyTo" or "FaultTo" or "From" && !_seenAddressing.Add(name))
            throw new SoapParseException($"The message has more than one wsa:{name} header.");
        switch (name)
        {
            case "To": _addressing = _addressing with { Version = wsa, To = ReadText(reader) }; return true;
            case "Action": _addressing = _addressing with { Version = wsa, Action = ReadText(reader) }; return true;
            case "MessageID": _addressing = _addressing with { Version = wsa, MessageId = ReadText(reader) }; return true;
            case "RelatesTo": _addressing = _addressing with { Version = wsa, RelatesTo = ReadText(reader) }; return true;
            case "ReplyTo": _addressing = _addressing with { Version = wsa, ReplyTo = EndpointReferenceReader.Read(reader, wsa) }; return true;
            case "FaultTo": _addressing = _addressing with { Version = wsa, FaultTo = EndpointReferenceReader.Read(reader, wsa) }; return true;
            case "From": _addressing = _addressing with { Version = wsa, From = EndpointReferenceReader.Read(reader, wsa) }; return true;
            default: return false;
        }
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
        if (_addressing.Action is null && !string.IsNullOrEmpty(transportAction))
            _addressing = _addressing with { Action = transportAction };
        message.Addressing = _addressing;
        message.RmVersion = _rm;
        message.Sequence = _sequence;
        message.Acknowledgements = (IReadOnlyList<SequenceAcknowledgement>?)_acks ?? [];
        message.AckRequests = (IReadOnlyList<AckRequested>?)_ackRequests ?? [];
        message.NotUnderstood = (IReadOnlyList<XmlQualifiedName>?)_notUnderstood ?? [];
    }
}
