using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>
/// Reads WS-RM protocol bodies. The reader is on the body's child element and ends after it. What the version does
/// not define (the schemas' xs:any and xs:anyAttribute extension points, and elements of the other version or in
/// the RM namespace but not of this version) is skipped; what the version requires and is missing or malformed is
/// a <see cref="SoapParseException"/>.
/// </summary>
public static class RmBodyReader
{
    /// <summary>Reads CreateSequence.</summary>
    public static CreateSequence ReadCreateSequence(XmlReader reader, RmVersion rm, AddressingVersion wsa)
    {
        Expect(reader, "CreateSequence", rm);
        EndpointReference? acksTo = null;
        TimeSpan? expires = null;
        Offer? offer = null;
        Read(reader, "CreateSequence", child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "AcksTo": acksTo = EndpointReferenceReader.Read(child, wsa); break;
                case "Expires": expires = XmlValues.ParseDuration(child.ReadElementContentAsString(), "wsrm:Expires"); break;
                case "Offer": offer = ReadOffer(child, rm, wsa); break;
                default: child.Skip(); break;
            }
        });
        if (acksTo is null) throw new SoapParseException("CreateSequence has no wsrm:AcksTo.");
        return new CreateSequence(acksTo, expires, offer);
    }

    private static Offer ReadOffer(XmlReader reader, RmVersion rm, AddressingVersion wsa)
    {
        string? id = null;
        EndpointReference? endpoint = null;
        TimeSpan? expires = null;
        IncompleteSequenceBehavior? isb = null;
        RmHeaderReader.ReadChildren(reader, "Offer", child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = RmHeaderReader.ReadIdentifier(child); break;
                case "Expires": expires = XmlValues.ParseDuration(child.ReadElementContentAsString(), "wsrm:Expires"); break;
                // Endpoint and IncompleteSequenceBehavior are 1.1's (§3.4); a 1.0 Offer (1.0 §3.4: Identifier,
                // Expires, extensions) that carries them, as gSOAP's does with an empty wsa:Address, is not refused
                // for what 1.0 does not define.
                case "Endpoint" when rm.Is11: endpoint = EndpointReferenceReader.Read(child, wsa); break;
                case "IncompleteSequenceBehavior" when rm.Is11: isb = ParseBehavior(child.ReadElementContentAsString()); break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException("wsrm:Offer has no wsrm:Identifier.");
        if (rm.Is11 && endpoint is null) throw new SoapParseException("wsrm:Offer has no wsrm:Endpoint (required by WS-RM 1.1).");
        return new Offer(id, endpoint, expires, isb);
    }

    /// <summary>Reads CreateSequenceResponse.</summary>
    public static CreateSequenceResponse ReadCreateSequenceResponse(XmlReader reader, RmVersion rm, AddressingVersion wsa)
    {
        Expect(reader, "CreateSequenceResponse", rm);
        string? id = null;
        TimeSpan? expires = null;
        IncompleteSequenceBehavior? isb = null;
        EndpointReference? acceptAcksTo = null;
        Read(reader, "CreateSequenceResponse", child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = RmHeaderReader.ReadIdentifier(child); break;
                case "Expires": expires = XmlValues.ParseDuration(child.ReadElementContentAsString(), "wsrm:Expires"); break;
                case "IncompleteSequenceBehavior" when rm.Is11: isb = ParseBehavior(child.ReadElementContentAsString()); break;
                case "Accept":
                    RmHeaderReader.ReadChildren(child, "Accept", a =>
                    {
                        if (a.NamespaceURI == rm.Namespace && a.LocalName == "AcksTo") acceptAcksTo = EndpointReferenceReader.Read(a, wsa);
                        else a.Skip();
                    });
                    if (acceptAcksTo is null) throw new SoapParseException("wsrm:Accept has no wsrm:AcksTo.");
                    break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException("CreateSequenceResponse has no wsrm:Identifier.");
        return new CreateSequenceResponse(id, expires, isb, acceptAcksTo);
    }

    /// <summary>Reads CloseSequence, CloseSequenceResponse, TerminateSequence or TerminateSequenceResponse.</summary>
    public static SequenceControl ReadSequenceControl(XmlReader reader, RmVersion rm, SequenceControlKind kind)
    {
        var name = kind.ToString();
        Expect(reader, name, rm);
        string? id = null;
        ulong? last = null;
        Read(reader, name, child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = RmHeaderReader.ReadIdentifier(child); break;
                case "LastMsgNumber" when rm.Is11: last = XmlValues.ParseMessageNumber(child.ReadElementContentAsString(), "wsrm:LastMsgNumber"); break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException($"{name} has no wsrm:Identifier.");
        return new SequenceControl(kind, id, last);
    }

    private static void Expect(XmlReader reader, string name, RmVersion rm)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != name || reader.NamespaceURI != rm.Namespace)
            throw new SoapParseException($"The body must be a {{{rm.Namespace}}}{name} element.");
    }

    private static void Read(XmlReader reader, string name, Action<XmlReader> onChild) => RmHeaderReader.ReadChildren(reader, name, onChild);

    private static IncompleteSequenceBehavior ParseBehavior(string text) => text.Trim() switch
    {
        "NoDiscard" => IncompleteSequenceBehavior.NoDiscard,
        "DiscardEntireSequence" => IncompleteSequenceBehavior.DiscardEntireSequence,
        "DiscardFollowingFirstGap" => IncompleteSequenceBehavior.DiscardFollowingFirstGap,
        var other => throw new SoapParseException($"'{XmlValues.Shorten(other)}' is not an IncompleteSequenceBehavior value."),
    };
}
