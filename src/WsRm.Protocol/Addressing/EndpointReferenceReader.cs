using System.Xml;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Addressing;

/// <summary>Reads an endpoint reference element (ReplyTo, AcksTo, Offer/Endpoint, …).</summary>
internal static class EndpointReferenceReader
{
    /// <summary>Reads the element the reader is on; the reader ends after it.</summary>
    public static EndpointReference Read(XmlReader reader, AddressingVersion wsa)
    {
        var elementName = reader.LocalName;
        if (reader.IsEmptyElement) throw new SoapParseException($"{elementName} has no wsa:Address.");
        reader.ReadStartElement();
        string? address = null;
        string? referenceParameters = null;
        while (ElementContent.MoveToNextChild(reader, elementName))
        {
            if (reader.NamespaceURI == wsa.Namespace && reader.LocalName == "Address")
                address = reader.ReadElementContentAsString().Trim();
            else if (reader.NamespaceURI == wsa.Namespace && reader.LocalName is "ReferenceParameters" or "ReferenceProperties")
                referenceParameters = reader.ReadInnerXml();
            else
                reader.Skip();
        }
        reader.ReadEndElement();
        if (string.IsNullOrEmpty(address)) throw new SoapParseException($"{elementName} has no wsa:Address.");
        return new EndpointReference(address, referenceParameters);
    }
}
