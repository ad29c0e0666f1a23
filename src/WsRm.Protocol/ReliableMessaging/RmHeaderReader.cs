using System.Globalization;
using System.Xml;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>Reads the WS-RM header blocks. The reader is on the header element and ends after it.</summary>
internal static class RmHeaderReader
{
    public static SequenceHeader ReadSequence(XmlReader reader, RmVersion rm)
    {
        string? id = null;
        ulong? number = null;
        var last = false;
        ReadChildren(reader, "Sequence", child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = ReadIdentifier(child); break;
                case "MessageNumber": number = XmlValues.ParseMessageNumber(child.ReadElementContentAsString(), "wsrm:MessageNumber"); break;
                case "LastMessage" when !rm.Is11: last = true; child.Skip(); break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException("The Sequence header has no wsrm:Identifier.");
        if (number is null) throw new SoapParseException("The Sequence header has no wsrm:MessageNumber.");
        return new SequenceHeader(id, number.Value, last);
    }

    public static SequenceAcknowledgement ReadAcknowledgement(XmlReader reader, RmVersion rm)
    {
        string? id = null;
        var ranges = new List<AckRange>();
        var nacks = new List<ulong>();
        bool none = false, final = false;
        int? bufferRemaining = null;
        ReadChildren(reader, "SequenceAcknowledgement", child =>
        {
            if (child.NamespaceURI == RmVersion.NetRmNamespace && child.LocalName == "BufferRemaining")
            {
                var text = child.ReadElementContentAsString().Trim();
                bufferRemaining = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                    ? b : throw new SoapParseException($"netrm:BufferRemaining must be a non-negative integer, not '{XmlValues.Shorten(text)}'.");
                return;
            }
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = ReadIdentifier(child); break;
                case "AcknowledgementRange":
                    // WS-RM 1.0 has no wsrm:None; WCF writes Lower="0" Upper="0" for "nothing received".
                    if (ReadRange(child) is { Upper: > 0 } range) ranges.Add(range);
                    break;
                case "Nack": nacks.Add(XmlValues.ParseMessageNumber(child.ReadElementContentAsString(), "wsrm:Nack")); break;
                case "None" when rm.Is11: none = true; child.Skip(); break;
                case "Final" when rm.Is11: final = true; child.Skip(); break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException("The SequenceAcknowledgement header has no wsrm:Identifier.");
        return new SequenceAcknowledgement
        {
            Identifier = id, Ranges = ranges, Nacks = nacks, None = none, Final = final, BufferRemaining = bufferRemaining,
        };
    }

    public static AckRequested ReadAckRequested(XmlReader reader, RmVersion rm)
    {
        string? id = null;
        ulong? number = null;
        ReadChildren(reader, "AckRequested", child =>
        {
            if (child.NamespaceURI != rm.Namespace) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Identifier": id = ReadIdentifier(child); break;
                // 1.0 §3.2 defines MaxMessageNumberUsed; 1.1 §3.8 has nothing but the Identifier.
                case "MaxMessageNumberUsed" when !rm.Is11:
                    number = XmlValues.ParseMessageNumber(child.ReadElementContentAsString(), "wsrm:MaxMessageNumberUsed");
                    break;
                default: child.Skip(); break;
            }
        });
        if (id is null) throw new SoapParseException("The AckRequested header has no wsrm:Identifier.");
        return new AckRequested(id, number);
    }

    private static AckRange ReadRange(XmlReader reader)
    {
        var lower = XmlValues.ParseMessageNumber(reader.GetAttribute("Lower") ?? throw new SoapParseException("AcknowledgementRange has no Lower attribute."), "AcknowledgementRange/@Lower");
        var upper = XmlValues.ParseMessageNumber(reader.GetAttribute("Upper") ?? throw new SoapParseException("AcknowledgementRange has no Upper attribute."), "AcknowledgementRange/@Upper");
        reader.Skip();
        return new AckRange(lower, upper);
    }

    /// <summary>Reads a wsrm:Identifier element's text; identifiers are URIs, so surrounding white space is dropped.</summary>
    internal static string ReadIdentifier(XmlReader reader)
    {
        var id = reader.ReadElementContentAsString().Trim();
        if (id.Length == 0) throw new SoapParseException("wsrm:Identifier is empty.");
        if (id.Length > 256) throw new SoapParseException("wsrm:Identifier is longer than 256 characters.");
        return id;
    }

    /// <summary>
    /// Calls <paramref name="onChild"/> for each child element; it must consume the child. White space, comments and
    /// processing instructions between children are passed over (<see cref="ElementContent"/>).
    /// </summary>
    internal static void ReadChildren(XmlReader reader, string element, Action<XmlReader> onChild)
    {
        if (reader.IsEmptyElement) throw new SoapParseException($"wsrm:{element} is empty.");
        reader.ReadStartElement();
        while (ElementContent.MoveToNextChild(reader, "wsrm:" + element)) onChild(reader);
        reader.ReadEndElement();
    }
}
