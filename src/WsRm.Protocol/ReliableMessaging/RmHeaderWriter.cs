using System.Globalization;
using System.Xml;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.ReliableMessaging;

/// <summary>Writes the WS-RM header blocks.</summary>
public static class RmHeaderWriter
{
    /// <summary>Writes <c>wsrm:Sequence</c> (mustUnderstand, as the spec requires).</summary>
    public static void WriteSequence(XmlWriter w, RmVersion rm, SequenceHeader sequence, SoapVersion soap)
    {
        w.WriteStartElement("r", "Sequence", rm.Namespace);
        w.WriteAttributeString("mustUnderstand", soap.Namespace, soap.MustUnderstandTrue);
        w.WriteElementString("r", "Identifier", rm.Namespace, sequence.Identifier);
        w.WriteElementString("r", "MessageNumber", rm.Namespace, sequence.MessageNumber.ToString(CultureInfo.InvariantCulture));
        if (sequence.LastMessage && !rm.Is11)
        {
            w.WriteStartElement("r", "LastMessage", rm.Namespace);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>Writes <c>wsrm:SequenceAcknowledgement</c>.</summary>
    public static void WriteAcknowledgement(XmlWriter w, RmVersion rm, SequenceAcknowledgement ack)
    {
        w.WriteStartElement("r", "SequenceAcknowledgement", rm.Namespace);
        WriteAcknowledgementContent(w, rm, ack);
        w.WriteEndElement();
    }

    /// <summary>Writes the children of a SequenceAcknowledgement (also used as the InvalidAcknowledgement detail).</summary>
    public static void WriteAcknowledgementContent(XmlWriter w, RmVersion rm, SequenceAcknowledgement ack)
    {
        w.WriteElementString("r", "Identifier", rm.Namespace, ack.Identifier);
        foreach (var range in ack.Ranges)
        {
            w.WriteStartElement("r", "AcknowledgementRange", rm.Namespace);
            w.WriteAttributeString("Upper", range.Upper.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("Lower", range.Lower.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }
        foreach (var nack in ack.Nacks)
            w.WriteElementString("r", "Nack", rm.Namespace, nack.ToString(CultureInfo.InvariantCulture));
        if (!rm.Is11 && ack.Ranges.Count == 0 && ack.Nacks.Count == 0)
        {
            // 1.0's schema needs a range or a Nack and has no None: WCF acknowledges "nothing yet" as 0-0.
            w.WriteStartElement("r", "AcknowledgementRange", rm.Namespace);
            w.WriteAttributeString("Upper", "0");
            w.WriteAttributeString("Lower", "0");
            w.WriteEndElement();
        }
        if (rm.Is11 && ack.Ranges.Count == 0 && ack.Nacks.Count == 0)
        {
            w.WriteStartElement("r", "None", rm.Namespace);
            w.WriteEndElement();
        }
        if (rm.Is11 && ack.Final)
        {
            w.WriteStartElement("r", "Final", rm.Namespace);
            w.WriteEndElement();
        }
        if (ack.BufferRemaining is { } remaining)
            w.WriteElementString("netrm", "BufferRemaining", RmVersion.NetRmNamespace, remaining.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes <c>wsrm:AckRequested</c>.</summary>
    public static void WriteAckRequested(XmlWriter w, RmVersion rm, AckRequested request)
    {
        w.WriteStartElement("r", "AckRequested", rm.Namespace);
        w.WriteElementString("r", "Identifier", rm.Namespace, request.Identifier);
        if (!rm.Is11 && request.MessageNumber is { } n)
            w.WriteElementString("r", "MaxMessageNumberUsed", rm.Namespace, n.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }
}
