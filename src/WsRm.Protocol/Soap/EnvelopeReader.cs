using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Soap;

/// <summary>Reads a SOAP 1.1 or 1.2 envelope's headers in one forward pass with an <see cref="XmlReader"/>.</summary>
public static class EnvelopeReader
{
    /// <summary>
    /// Reads the envelope in <paramref name="buffer"/>. Throws <see cref="SoapParseException"/> for malformed XML, a
    /// DTD, a non-SOAP root or invalid known headers (a mustUnderstand that is not an xs:boolean included);
    /// <see cref="SoapVersionMismatchException"/> for an unknown envelope namespace, or for the other SOAP version than
    /// <paramref name="expected"/>.
    /// </summary>
    /// <param name="buffer">The message bytes.</param>
    /// <param name="transportAction">The action from SOAPAction or the content type, used when there is no wsa:Action.</param>
    /// <param name="expected">
    /// The version the transport announced (over HTTP the content type: <c>text/xml</c> is the SOAP 1.1 binding,
    /// <c>application/soap+xml</c> the SOAP 1.2 one); null takes either.
    /// </param>
    public static SoapMessage Read(ReadOnlyMemory<byte> buffer, string? transportAction = null, SoapVersion? expected = null)
    {
        try
        {
            using var reader = SafeXmlReader.Create(buffer);
            return ReadEnvelope(reader, buffer, transportAction, expected);
        }
        catch (XmlException e)
        {
            throw new SoapParseException("The message is not well-formed XML: " + e.Message, e);
        }
    }

    private static SoapMessage ReadEnvelope(XmlReader reader, ReadOnlyMemory<byte> buffer, string? transportAction, SoapVersion? expected)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope")
            throw new SoapParseException("The message is not a SOAP envelope.");
        var version = SoapVersion.FromNamespace(reader.NamespaceURI)
            ?? throw new SoapVersionMismatchException(reader.NamespaceURI);
        // SOAP 1.1 §4.4.1 and SOAP 1.2 Part 1 §5.4.7: an envelope not in the namespace of the binding in use.
        if (expected is not null && version != expected) throw new SoapVersionMismatchException(reader.NamespaceURI, expected);
        var message = new SoapMessage(buffer, version);
        if (reader.IsEmptyElement) throw new SoapParseException("The SOAP envelope has no Body.");
        reader.ReadStartElement();

        // White space (also in CDATA), comments and processing instructions may stand between the envelope's
        // children and between header blocks, as gSOAP's indented output and other stacks write them.
        var headers = new HeaderCollector(version);
        if (ElementContent.MoveToNextChild(reader, "The SOAP Envelope") && reader.IsStartElement("Header", version.Namespace))
        {
            if (!reader.IsEmptyElement)
            {
                reader.ReadStartElement();
                while (ElementContent.MoveToNextChild(reader, "The SOAP Header")) headers.Read(reader);
                reader.ReadEndElement();
            }
            else
            {
                reader.Read();
            }
            ElementContent.MoveToNextChild(reader, "The SOAP Envelope");
        }

        if (!reader.IsStartElement("Body", version.Namespace))
            throw new SoapParseException("The SOAP envelope has no Body.");
        if (!reader.IsEmptyElement)
        {
            reader.ReadStartElement();
            if (ElementContent.SkipWhiteSpace(reader) == XmlNodeType.Element)
                message.BodyElement = new XmlQualifiedName(reader.LocalName, reader.NamespaceURI);
        }
        // Read to the end: a message broken after <Body> (truncated in transit) must be refused before a sequence
        // accepts and acknowledges it, not discovered when the operation reads its body.
        while (reader.Read()) { }
        headers.ApplyTo(message, transportAction);
        return message;
    }
}
