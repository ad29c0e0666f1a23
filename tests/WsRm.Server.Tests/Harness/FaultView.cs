using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// A soap:Fault read in either shape. SOAP 1.2: Code/Value, Subcode/Value chain, Reason/Text, Detail. SOAP 1.1:
/// faultcode, faultstring, detail. QName values are resolved against the element's in-scope namespaces.
/// </summary>
internal sealed record FaultView(XName Code, IReadOnlyList<XName> Subcodes, string Reason, XElement? Detail, XElement? SequenceFault)
{
    public static FaultView Read(WireResponse response, XElement fault)
    {
        var s = fault.Name.Namespace;
        if (s == Ns.Soap12)
        {
            var code = fault.Element(s + "Code")!;
            var subcodes = new List<XName>();
            for (var sub = code.Element(s + "Subcode"); sub is not null; sub = sub.Element(s + "Subcode"))
                subcodes.Add(QName(sub.Element(s + "Value")!));
            return new FaultView(QName(code.Element(s + "Value")!), subcodes, fault.Element(s + "Reason")?.Element(s + "Text")?.Value ?? "",
                fault.Element(s + "Detail"), SequenceFaultHeader(response));
        }
        return new FaultView(QName(fault.Element("faultcode")!), [], fault.Element("faultstring")?.Value ?? "", fault.Element("detail"),
            SequenceFaultHeader(response));
    }

    /// <summary>The wsrm:FaultCode of the wsrm:SequenceFault header, or null.</summary>
    public XName? SequenceFaultCode => SequenceFault?.Element(SequenceFault.Name.Namespace + "FaultCode") is { } c ? QName(c) : null;

    private static XElement? SequenceFaultHeader(WireResponse response) => response.HeaderBlock("SequenceFault", Ns.Rm10, Ns.Rm11);

    /// <summary>Resolves "p:Local" in the element's scope.</summary>
    public static XName QName(XElement e)
    {
        var text = e.Value.Trim();
        var colon = text.IndexOf(':');
        if (colon < 0) return XName.Get(text, e.GetDefaultNamespace().NamespaceName);
        var ns = e.GetNamespaceOfPrefix(text[..colon]) ?? throw new Xunit.Sdk.XunitException($"Unbound prefix in QName '{text}'.");
        return ns + text[(colon + 1)..];
    }
}
