using System.Xml;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Soap;

/// <summary>
/// A received SOAP message: the headers read into typed values, the body left in the buffer to be read once by
/// whoever handles it (<see cref="CreateBodyReader"/>).
/// </summary>
public sealed class SoapMessage
{
    internal SoapMessage(ReadOnlyMemory<byte> buffer, SoapVersion version)
    {
        Buffer = buffer;
        Version = version;
    }

    /// <summary>The whole message as received.</summary>
    public ReadOnlyMemory<byte> Buffer { get; }

    /// <summary>The SOAP version of the envelope.</summary>
    public SoapVersion Version { get; }

    /// <summary>The WS-Addressing headers.</summary>
    public AddressingHeaders Addressing { get; internal set; } = new();

    /// <summary>The RM version of the RM headers, or null when there were none.</summary>
    public RmVersion? RmVersion { get; internal set; }

    /// <summary>The Sequence header, or null.</summary>
    public SequenceHeader? Sequence { get; internal set; }

    /// <summary>SequenceAcknowledgement headers (one per acknowledged sequence).</summary>
    public IReadOnlyList<SequenceAcknowledgement> Acknowledgements { get; internal set; } = [];

    /// <summary>AckRequested headers.</summary>
    public IReadOnlyList<AckRequested> AckRequests { get; internal set; } = [];

    /// <summary>Headers marked mustUnderstand that this stack does not understand.</summary>
    public IReadOnlyList<XmlQualifiedName> NotUnderstood { get; internal set; } = [];

    /// <summary>The name of the body's first child element, or null for an empty body.</summary>
    public XmlQualifiedName? BodyElement { get; internal set; }

    /// <summary>The action: wsa:Action, else the one the transport gave.</summary>
    public string? Action => Addressing.Action;

    /// <summary>
    /// A reader positioned on the body's first child element (or on the Body end tag when it is empty). The caller
    /// disposes it.
    /// </summary>
    public XmlReader CreateBodyReader()
    {
        var reader = SafeXmlReader.Create(Buffer);
        try
        {
            MoveToBody(reader, Version);
            return reader;
        }
        catch
        {
            reader.Dispose(); // gives its name table back
            throw;
        }
    }

    // EnvelopeReader has checked the structure; white space may also stand here as CDATA (ElementContent).
    private static void MoveToBody(XmlReader reader, SoapVersion version)
    {
        reader.MoveToContent();
        reader.ReadStartElement("Envelope", version.Namespace);
        ElementContent.SkipWhiteSpace(reader);
        if (reader.IsStartElement("Header", version.Namespace)) reader.Skip();
        ElementContent.SkipWhiteSpace(reader);
        // <Body/>: leave the reader on it; callers see no child element.
        if (reader.IsEmptyElement) return;
        reader.ReadStartElement("Body", version.Namespace);
        ElementContent.SkipWhiteSpace(reader);
    }
}
