using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Tests.Infrastructure;

/// <summary>
/// A fault message as it appears on the wire, taken apart version-neutrally: for SOAP 1.1 the subcode and detail come
/// from the <c>wsrm:SequenceFault</c> header when there is one.
/// </summary>
internal sealed record FaultView(
    XName Code,
    XName? Subcode,
    XName? NestedSubcode,
    string Reason,
    IReadOnlyList<XElement> Detail,
    string? Action,
    XElement? SequenceFaultHeader,
    XDocument Document)
{
    private static readonly XNamespace S11 = Ns.Soap11, S12 = Ns.Soap12;

    /// <summary>Writes the WS-RM fault as the answer to a message of the given versions and takes it apart.</summary>
    public static FaultView Of(WsRmFault fault, RmVersion rm, SoapVersion soap, AddressingVersion? wsa) =>
        Of(fault.ToSoapFault(rm, soap, wsa), soap, wsa, rm);

    /// <summary>Writes the SOAP fault and takes it apart.</summary>
    public static FaultView Of(SoapFault fault, SoapVersion soap, AddressingVersion? wsa, RmVersion? rm = null) =>
        Parse(TestXml.Render(new OutgoingMessage(soap, wsa) { Rm = rm, Fault = fault }));

    public static FaultView Parse(XDocument doc)
    {
        var root = doc.Root!;
        var ns = root.Name.Namespace;
        var header = root.Element(ns + "Header");
        var action = header?.Elements().FirstOrDefault(e => e.Name.LocalName == "Action")?.Value.Trim();
        var sequenceFault = header?.Elements().FirstOrDefault(e => e.Name.LocalName == "SequenceFault");
        var fault = root.Element(ns + "Body")!.Element(ns + "Fault")!;

        if (ns == S12)
        {
            var code = fault.Element(S12 + "Code")!;
            var sub = code.Element(S12 + "Subcode");
            var nested = sub?.Element(S12 + "Subcode");
            return new FaultView(
                TestXml.QNameValue(code.Element(S12 + "Value")!),
                sub is null ? null : TestXml.QNameValue(sub.Element(S12 + "Value")!),
                nested is null ? null : TestXml.QNameValue(nested.Element(S12 + "Value")!),
                fault.Element(S12 + "Reason")!.Element(S12 + "Text")!.Value,
                fault.Element(S12 + "Detail")?.Elements().ToList() ?? [],
                action, sequenceFault, doc);
        }

        Assert.Equal(S11, ns);
        IReadOnlyList<XElement> detail;
        XName? subcode = null;
        if (sequenceFault is not null)
        {
            var rmNs = sequenceFault.Name.Namespace;
            subcode = TestXml.QNameValue(sequenceFault.Element(rmNs + "FaultCode")!);
            var wrapped = sequenceFault.Element(rmNs + "Detail");
            detail = wrapped?.Elements().ToList() ?? sequenceFault.Elements().Where(e => e.Name != rmNs + "FaultCode").ToList();
            Assert.Null(fault.Element("detail"));
        }
        else
        {
            detail = fault.Element("detail")?.Elements().ToList() ?? [];
        }
        return new FaultView(TestXml.QNameValue(fault.Element("faultcode")!), subcode, null, fault.Element("faultstring")!.Value, detail, action, sequenceFault, doc);
    }
}
