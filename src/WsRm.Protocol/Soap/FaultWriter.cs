using System.Xml;
using WsRm.Protocol.Faults;

namespace WsRm.Protocol.Soap;

/// <summary>Writes a <see cref="SoapFault"/> in the shape of SOAP 1.1 or SOAP 1.2.</summary>
internal static class FaultWriter
{
    public static void WriteFault(XmlWriter w, SoapFault fault, SoapVersion soap)
    {
        if (soap == SoapVersion.Soap12) WriteSoap12(w, fault);
        else WriteSoap11(w, fault);
    }

    private static void WriteSoap12(XmlWriter w, SoapFault fault)
    {
        var s = SoapVersion.Soap12.Namespace;
        w.WriteStartElement("Fault", s);
        w.WriteStartElement("Code", s);
        WriteQName(w, "Value", s, CodeName(fault.Code, SoapVersion.Soap12), s);
        if (fault.Subcode is { } sub)
        {
            w.WriteStartElement("Subcode", s);
            WriteQName(w, "Value", s, sub.Name, sub.Namespace);
            if (fault.NestedSubcode is { } nested)
            {
                w.WriteStartElement("Subcode", s);
                WriteQName(w, "Value", s, nested.Name, nested.Namespace);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("Reason", s);
        w.WriteStartElement("Text", s);
        w.WriteAttributeString("xml", "lang", null, "en");
        w.WriteString(fault.Reason);
        w.WriteEndElement();
        w.WriteEndElement();
        if (fault.WriteDetail is { } detail)
        {
            w.WriteStartElement("Detail", s);
            detail(w);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteSoap11(XmlWriter w, SoapFault fault)
    {
        var s = SoapVersion.Soap11.Namespace;
        w.WriteStartElement("Fault", s);
        // SOAP 1.1 has no subcodes: a fault about an RM header keeps Client/Server here and carries its subcode in
        // the SequenceFault header; any other fault with a subcode puts the subcode itself in faultcode (as WCF does).
        if (fault.Subcode is { } sub && fault.SequenceFaultHeader is null)
            WriteQName(w, "faultcode", "", sub.Name, sub.Namespace);
        else
            WriteQName(w, "faultcode", "", CodeName(fault.Code, SoapVersion.Soap11), s);
        w.WriteStartElement("faultstring", "");
        w.WriteAttributeString("xml", "lang", null, "en");
        w.WriteString(fault.Reason);
        w.WriteEndElement();
        if (fault.WriteDetail is { } detail && fault.SequenceFaultHeader is null)
        {
            w.WriteStartElement("detail", "");
            detail(w);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>SOAP 1.1's <c>wsrm:SequenceFault</c> header: the RM subcode and detail that 1.1 cannot put in the body.</summary>
    public static void WriteSequenceFaultHeader(XmlWriter w, SoapFault fault, string rmNamespace)
    {
        w.WriteStartElement("r", "SequenceFault", rmNamespace);
        if (fault.Subcode is { } sub) WriteQName(w, "FaultCode", rmNamespace, sub.Name, sub.Namespace);
        if (fault.WriteDetail is { } detail)
        {
            if (fault.SequenceFaultDetailWrapped)
            {
                w.WriteStartElement("r", "Detail", rmNamespace);
                detail(w);
                w.WriteEndElement();
            }
            else
            {
                detail(w);
            }
        }
        w.WriteEndElement();
    }

    /// <summary>SOAP 1.2 Part 1 §5.4.8: the <c>NotUnderstood</c> header block naming the header not understood.</summary>
    public static void WriteNotUnderstoodHeader(XmlWriter w, XmlQualifiedName header)
    {
        w.WriteStartElement("NotUnderstood", SoapVersion.Soap12.Namespace);
        w.WriteAttributeString("xmlns", "nu", null, header.Namespace);
        w.WriteAttributeString("qname", "nu:" + header.Name);
        w.WriteEndElement();
    }

    /// <summary>
    /// SOAP 1.2 Part 1 §5.4.7: the <c>Upgrade</c> header block of a VersionMismatch fault, listing the envelopes this
    /// node takes, <paramref name="preferred"/> first. In the SOAP 1.2 namespace in both fault shapes (Part 1 Appendix A
    /// puts it in SOAP 1.1 faults too).
    /// </summary>
    public static void WriteUpgradeHeader(XmlWriter w, SoapVersion preferred)
    {
        var s = SoapVersion.Soap12.Namespace;
        w.WriteStartElement(w.LookupPrefix(s) ?? "env", "Upgrade", s);
        SoapVersion[] supported = preferred == SoapVersion.Soap12
            ? [SoapVersion.Soap12, SoapVersion.Soap11]
            : [SoapVersion.Soap11, SoapVersion.Soap12];
        var i = 0;
        foreach (var version in supported)
        {
            var prefix = "v" + ++i;
            w.WriteStartElement("SupportedEnvelope", s);
            w.WriteAttributeString("xmlns", prefix, null, version.Namespace);
            w.WriteAttributeString("qname", prefix + ":Envelope");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static string CodeName(FaultCodeKind code, SoapVersion soap) => code switch
    {
        FaultCodeKind.Sender => soap.SenderCode,
        FaultCodeKind.Receiver => soap.ReceiverCode,
        FaultCodeKind.MustUnderstand => "MustUnderstand",
        _ => "VersionMismatch",
    };

    /// <summary>Writes an element whose content is a QName, declaring its prefix on the element itself.</summary>
    private static void WriteQName(XmlWriter w, string element, string elementNs, string name, string ns)
    {
        w.WriteStartElement(element, elementNs);
        var prefix = w.LookupPrefix(ns);
        if (string.IsNullOrEmpty(prefix))
        {
            prefix = "q";
            w.WriteAttributeString("xmlns", prefix, null, ns);
        }
        w.WriteString(prefix + ":" + name);
        w.WriteEndElement();
    }
}
