using System.Buffers;
using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Soap;

/// <summary>
/// Writes an <see cref="OutgoingMessage"/> as a SOAP envelope, UTF-8 without a byte-order mark or XML declaration,
/// with a writer reused from one message to the next on the same thread (<see cref="PooledXmlWriter"/>).
/// </summary>
public static class EnvelopeWriter
{
    /// <summary>Writes the envelope to <paramref name="output"/>, which is flushed and left open.</summary>
    public static void Write(OutgoingMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = PooledXmlWriter.Rent(output);
        Write(message, writer);
        writer.Return();
    }

    /// <summary>Appends the envelope to <paramref name="output"/>, without an intermediate copy.</summary>
    public static void Write(OutgoingMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Write(message, new BufferWriterStream(output));
    }

    /// <summary>Writes the envelope and returns the bytes.</summary>
    public static byte[] ToArray(OutgoingMessage message)
    {
        var writer = PooledXmlWriter.Rent(null);
        Write(message, writer);
        var bytes = writer.ToArray();
        writer.Return();
        return bytes;
    }

    // A writer that threw is not returned: its state is unknown, and the next message gets a new one.
    private static void Write(OutgoingMessage message, PooledXmlWriter writer)
    {
        Write(message, writer.Writer);
        writer.Complete();
    }

    private static void Write(OutgoingMessage m, XmlWriter w)
    {
        var s = m.Soap.Namespace;
        w.WriteStartElement("s", "Envelope", s);
        if (m.Addressing is not null) w.WriteAttributeString("xmlns", "a", null, m.Addressing.Namespace);
        if (m.Rm is not null) w.WriteAttributeString("xmlns", "r", null, m.Rm.Namespace);

        w.WriteStartElement("Header", s);
        WriteAddressing(m, w);
        if (m.Rm is { } rm)
        {
            if (m.Sequence is { } sequence) RmHeaderWriter.WriteSequence(w, rm, sequence, m.Soap);
            foreach (var ack in m.Acknowledgements) RmHeaderWriter.WriteAcknowledgement(w, rm, ack);
            foreach (var request in m.AckRequests) RmHeaderWriter.WriteAckRequested(w, rm, request);
        }
        if (m.Fault?.SequenceFaultHeader is { } faultNs) FaultWriter.WriteSequenceFaultHeader(w, m.Fault, faultNs);
        if (m.Fault?.NotUnderstood is { } header && m.Soap == SoapVersion.Soap12) FaultWriter.WriteNotUnderstoodHeader(w, header);
        if (m.Fault?.Code == Faults.FaultCodeKind.VersionMismatch) FaultWriter.WriteUpgradeHeader(w, m.Soap);
        w.WriteEndElement();

        w.WriteStartElement("Body", s);
        if (m.Fault is { } fault) FaultWriter.WriteFault(w, fault, m.Soap);
        else m.WriteBody?.Invoke(w);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteAddressing(OutgoingMessage m, XmlWriter w)
    {
        if (m.Addressing is not { } wsa) return;
        if (m.EffectiveAction is { } action)
        {
            w.WriteStartElement("Action", wsa.Namespace);
            w.WriteAttributeString("mustUnderstand", m.Soap.Namespace, m.Soap.MustUnderstandTrue);
            w.WriteString(action);
            w.WriteEndElement();
        }
        if (m.MessageId is not null) w.WriteElementString("MessageID", wsa.Namespace, m.MessageId);
        if (m.RelatesTo is not null) w.WriteElementString("RelatesTo", wsa.Namespace, m.RelatesTo);
        if (m.To is not null)
        {
            w.WriteStartElement("To", wsa.Namespace);
            w.WriteAttributeString("mustUnderstand", m.Soap.Namespace, m.Soap.MustUnderstandTrue);
            w.WriteString(m.To);
            w.WriteEndElement();
        }
    }
}
