using System.Xml;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// What an intermediary reads from a SOAP envelope without understanding the rest: the SOAP namespace, and the
/// WS-Addressing To, Action and MessageID headers in either WS-Addressing version (1.0 or 2004/08). DTDs refused.
/// </summary>
internal sealed record EnvelopeAddressing(string SoapNamespace, string? AddressingNamespace, string? To, string? Action, string? MessageId)
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public const string Wsa10 = "http://www.w3.org/2005/08/addressing";
    public const string Wsa200408 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    public bool IsSoap12 => SoapNamespace == Soap12;

    /// <summary>The addressing headers of <paramref name="envelope"/>, or null when it is not a SOAP envelope.</summary>
    public static EnvelopeAddressing? Read(byte[] envelope)
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
            string? wsa = null, to = null, action = null, messageId = null;
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
                    else r.Skip();
                }
            }
            return new EnvelopeAddressing(soap, wsa, to, action, messageId);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
