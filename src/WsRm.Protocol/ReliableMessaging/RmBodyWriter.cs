using System.Globalization;
using System.Xml;
using WsRm.Protocol.Addressing;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>Writes WS-RM protocol bodies.</summary>
public static class RmBodyWriter
{
    /// <summary>Writes CreateSequence.</summary>
    public static void WriteCreateSequence(XmlWriter w, RmVersion rm, AddressingVersion wsa, CreateSequence cs)
    {
        w.WriteStartElement("r", "CreateSequence", rm.Namespace);
        WriteEndpoint(w, rm, wsa, "AcksTo", cs.AcksTo);
        WriteExpires(w, rm, cs.Expires);
        if (cs.Offer is { } offer)
        {
            w.WriteStartElement("r", "Offer", rm.Namespace);
            w.WriteElementString("r", "Identifier", rm.Namespace, offer.Identifier);
            if (rm.Is11 && offer.Endpoint is { } endpoint) WriteEndpoint(w, rm, wsa, "Endpoint", endpoint);
            WriteExpires(w, rm, offer.Expires);
            if (rm.Is11 && offer.IncompleteSequenceBehavior is { } isb)
                w.WriteElementString("r", "IncompleteSequenceBehavior", rm.Namespace, isb.ToString());
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Writes CreateSequenceResponse.</summary>
    public static void WriteCreateSequenceResponse(XmlWriter w, RmVersion rm, AddressingVersion wsa, CreateSequenceResponse csr)
    {
        w.WriteStartElement("r", "CreateSequenceResponse", rm.Namespace);
        w.WriteElementString("r", "Identifier", rm.Namespace, csr.Identifier);
        WriteExpires(w, rm, csr.Expires);
        if (rm.Is11 && csr.IncompleteSequenceBehavior is { } isb)
            w.WriteElementString("r", "IncompleteSequenceBehavior", rm.Namespace, isb.ToString());
        if (csr.AcceptAcksTo is { } acksTo)
        {
            w.WriteStartElement("r", "Accept", rm.Namespace);
            WriteEndpoint(w, rm, wsa, "AcksTo", acksTo);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Writes CloseSequence(Response) or TerminateSequence(Response).</summary>
    public static void WriteSequenceControl(XmlWriter w, RmVersion rm, SequenceControl control)
    {
        w.WriteStartElement("r", control.Kind.ToString(), rm.Namespace);
        w.WriteElementString("r", "Identifier", rm.Namespace, control.Identifier);
        if (rm.Is11 && control.LastMessageNumber is { } last
            && control.Kind is SequenceControlKind.CloseSequence or SequenceControlKind.TerminateSequence)
            w.WriteElementString("r", "LastMsgNumber", rm.Namespace, last.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void WriteEndpoint(XmlWriter w, RmVersion rm, AddressingVersion wsa, string name, EndpointReference epr)
    {
        w.WriteStartElement("r", name, rm.Namespace);
        w.WriteElementString("Address", wsa.Namespace, epr.Address);
        if (epr.ReferenceParametersXml is { } rp)
        {
            w.WriteStartElement(wsa == AddressingVersion.WsAddressing10 ? "ReferenceParameters" : "ReferenceProperties", wsa.Namespace);
            w.WriteRaw(rp);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WriteExpires(XmlWriter w, RmVersion rm, TimeSpan? expires)
    {
        if (expires is { } e && e != TimeSpan.MaxValue)
            w.WriteElementString("r", "Expires", rm.Namespace, XmlConvert.ToString(e));
    }
}
