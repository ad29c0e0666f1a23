using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Xml;

namespace WsRm.Client;

/// <summary>
/// Reads a SOAP 1.1 or 1.2 fault: code, first subcode, reason, detail, and the <c>wsrm:SequenceFault</c> header that
/// carries the WS-RM subcode under SOAP 1.1 (WS-RM 1.1 §4, "SOAP 1.1 binding").
/// </summary>
internal static class FaultReader
{
    /// <summary>True when the message body is a SOAP fault.</summary>
    public static bool IsFault(SoapMessage message) =>
        message.BodyElement is { } body && body.Name == "Fault" && body.Namespace == message.Version.Namespace;

    /// <summary>Reads the fault of <paramref name="message"/>; malformed parts are left empty rather than thrown.</summary>
    public static ReceivedFault Read(SoapMessage message)
    {
        var (headerCode, headerId) = ReadSequenceFaultHeader(message);
        using var reader = message.CreateBodyReader();
        var fault = message.Version == SoapVersion.Soap12 ? Read12(reader) : Read11(reader);
        var rm = headerCode ?? (ReceivedFault.IsRmName(fault.Subcode) ? fault.Subcode
            : ReceivedFault.IsRmName(fault.Code) ? fault.Code : null);
        return fault with { Action = message.Action, RmSubcode = rm, Identifier = headerId ?? IdentifierIn(fault.DetailXml) };
    }

    private static ReceivedFault Read12(XmlReader r)
    {
        string ns = SoapVersion.Soap12.Namespace;
        XmlQualifiedName code = XmlQualifiedName.Empty;
        XmlQualifiedName? subcode = null;
        string reason = "", detail = null!;
        ForEachChild(r, child =>
        {
            if (child.NamespaceURI != ns) { child.Skip(); return; }
            switch (child.LocalName)
            {
                case "Code":
                    ForEachChild(child, c =>
                    {
                        if (c.LocalName == "Value") code = ReadQName(c);
                        else if (c.LocalName == "Subcode")
                            ForEachChild(c, s => { if (s.LocalName == "Value" && subcode is null) subcode = ReadQName(s); else s.Skip(); });
                        else c.Skip();
                    });
                    break;
                case "Reason":
                    ForEachChild(child, t => { if (t.LocalName == "Text" && reason.Length == 0) reason = t.ReadElementContentAsString(); else t.Skip(); });
                    break;
                case "Detail": detail = child.ReadInnerXml(); break;
                default: child.Skip(); break;
            }
        });
        return new ReceivedFault(code, subcode, reason, detail, null);
    }

    private static ReceivedFault Read11(XmlReader r)
    {
        XmlQualifiedName code = XmlQualifiedName.Empty;
        string reason = "", detail = null!;
        ForEachChild(r, child =>
        {
            switch (child.LocalName)
            {
                case "faultcode": code = ReadQName(child); break;
                case "faultstring": reason = child.ReadElementContentAsString(); break;
                case "detail": detail = child.ReadInnerXml(); break;
                default: child.Skip(); break;
            }
        });
        return new ReceivedFault(code, null, reason, detail, null);
    }

    private static (XmlQualifiedName? Code, string? Identifier) ReadSequenceFaultHeader(SoapMessage message)
    {
        using var r = SafeXmlReader.Create(message.Buffer);
        r.MoveToContent();
        r.ReadStartElement("Envelope", message.Version.Namespace);
        r.MoveToContent();
        if (!r.IsStartElement("Header", message.Version.Namespace) || r.IsEmptyElement) return (null, null);
        XmlQualifiedName? code = null;
        string? id = null;
        ForEachChild(r, h =>
        {
            if (h.LocalName != "SequenceFault" || RmVersion.FromNamespace(h.NamespaceURI) is null) { h.Skip(); return; }
            var rmNs = h.NamespaceURI;
            ForEachChild(h, c =>
            {
                if (c.LocalName == "FaultCode" && c.NamespaceURI == rmNs) code = ReadQName(c);
                else if (c.LocalName is "Detail" or "Identifier" && c.NamespaceURI == rmNs) id ??= IdentifierIn(c.ReadOuterXml());
                else c.Skip();
            });
        });
        return (code, id);
    }

    private static string? IdentifierIn(string? xml)
    {
        if (string.IsNullOrEmpty(xml)) return null;
        try
        {
            using var r = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                ConformanceLevel = ConformanceLevel.Fragment, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
            });
            while (r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Identifier" && RmVersion.FromNamespace(r.NamespaceURI) is not null)
                    return r.ReadElementContentAsString().Trim();
        }
        catch (XmlException)
        {
            // a detail we cannot read carries no identifier we can use
        }
        return null;
    }

    private static XmlQualifiedName ReadQName(XmlReader r)
    {
        // Resolve the prefix while inside the element: a namespace declared on the element itself (as WCF and our
        // server write it) is out of scope once the reader has left it.
        if (r.IsEmptyElement) { r.Read(); return XmlQualifiedName.Empty; }
        r.Read();
        var name = XmlQualifiedName.Empty;
        if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) name = Resolve(r.Value.Trim(), r);
        while (r.NodeType != XmlNodeType.EndElement) r.Skip();
        r.ReadEndElement();
        return name;
    }

    private static XmlQualifiedName Resolve(string text, XmlReader r)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return new XmlQualifiedName(text, r.LookupNamespace("") ?? "");
        return new XmlQualifiedName(text[(colon + 1)..], r.LookupNamespace(text[..colon]) ?? "");
    }

    private static void ForEachChild(XmlReader r, Action<XmlReader> onChild)
    {
        if (r.IsEmptyElement) { r.Read(); return; }
        r.ReadStartElement();
        while (r.MoveToContent() == XmlNodeType.Element) onChild(r);
        if (r.NodeType == XmlNodeType.EndElement) r.ReadEndElement();
    }
}
