using System.Globalization;
using System.Xml;

namespace WsRm.Testing;

/// <summary>
/// What an intermediary reads from a SOAP envelope without understanding the rest: the SOAP namespace, the
/// WS-Addressing To, Action and MessageID headers in either WS-Addressing version (1.0 or 2004/08), and the
/// wsrm:Sequence header's Identifier and MessageNumber in either WS-RM version (1.0 or 1.1). DTDs refused.
/// </summary>
public sealed record EnvelopeHeaders(string SoapNamespace, string? AddressingNamespace, string? To, string? Action, string? MessageId)
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsa10 = "http://www.w3.org/2005/08/addressing";
    public const string Wsa200408 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string Rm10 = "http://schemas.xmlsoap.org/ws/2005/02/rm";
    public const string Rm11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";

    /// <summary>The wsrm:Sequence Identifier, when the envelope has a Sequence header.</summary>
    public string? SequenceId { get; init; }

    /// <summary>The wsrm:Sequence MessageNumber, when the envelope has a Sequence header.</summary>
    public ulong? MessageNumber { get; init; }

    public bool IsSoap12 => SoapNamespace == Soap12;

    /// <summary>The headers of <paramref name="envelope"/>, or null when it is not a readable SOAP envelope.</summary>
    public static EnvelopeHeaders? Read(byte[] envelope)
    {
        try
        {
            using var r = XmlReader.Create(new MemoryStream(envelope), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true,
            });
            r.MoveToContent();
            if (r.LocalName != "Envelope" || r.NamespaceURI is not (Soap11 or Soap12)) return null;
            var soap = r.NamespaceURI;
            string? wsa = null, to = null, action = null, messageId = null, sequenceId = null;
            ulong? number = null;
            r.Read();
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "Header" && r.NamespaceURI == soap && !r.IsEmptyElement)
            {
                r.Read();
                while (r.NodeType == XmlNodeType.Element)
                {
                    if (r.NamespaceURI is Wsa10 or Wsa200408 && r.LocalName is "To" or "Action" or "MessageID")
                    {
                        wsa = r.NamespaceURI;
                        var name = r.LocalName;
                        var value = r.ReadElementContentAsString().Trim();
                        if (name == "To") to = value;
                        else if (name == "Action") action = value;
                        else messageId = value;
                    }
                    else if (r.NamespaceURI is Rm10 or Rm11 && r.LocalName == "Sequence" && !r.IsEmptyElement)
                    {
                        (sequenceId, number) = ReadSequence(r);
                    }
                    else r.Skip();
                }
            }
            return new EnvelopeHeaders(soap, wsa, to, action, messageId) { SequenceId = sequenceId, MessageNumber = number };
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            return null;
        }
    }

    // On a wsrm:Sequence start tag; leaves the reader after its end tag.
    private static (string? Id, ulong? Number) ReadSequence(XmlReader r)
    {
        string? id = null;
        ulong? number = null;
        var depth = r.Depth;
        r.Read();
        while (r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "Identifier") id = r.ReadElementContentAsString().Trim();
            else if (r.NodeType == XmlNodeType.Element && r.LocalName == "MessageNumber")
                number = ulong.Parse(r.ReadElementContentAsString().Trim(), CultureInfo.InvariantCulture);
            else if (r.NodeType == XmlNodeType.Element) r.Skip();
            else r.Read();
        }
        r.Read();
        return (id, number);
    }
}
