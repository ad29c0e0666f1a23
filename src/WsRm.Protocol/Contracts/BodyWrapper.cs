using System.Xml;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Contracts;

/// <summary>Checks the wrapper element of a request or reply, the first child of soap:Body.</summary>
internal static class BodyWrapper
{
    /// <summary>
    /// True when the reader is on the wrapper; false when the body is empty (parameters and results then take their
    /// defaults, a tolerance WCF also has for missing parts). Throws <see cref="BodyFormatException"/> for any other element.
    /// </summary>
    public static bool IsPresent(XmlReader reader, string name, string ns)
    {
        XmlNodeType node = ElementContent.SkipWhiteSpace(reader);
        if (node == XmlNodeType.EndElement || IsEmptyBody(reader)) return false;
        if (node == XmlNodeType.Element && reader.LocalName == name && reader.NamespaceURI == ns) return true;
        throw new BodyFormatException(
            $"Expected element '{name}' in namespace '{ns}' but found {node} '{reader.LocalName}' in namespace '{reader.NamespaceURI}'.");
    }

    // A caller cannot stand on the end of <s:Body/>, which has none; it may leave the reader on the element instead.
    private static bool IsEmptyBody(XmlReader reader)
        => reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement && reader.LocalName == "Body"
            && reader.NamespaceURI is "http://www.w3.org/2003/05/soap-envelope" or "http://schemas.xmlsoap.org/soap/envelope/";
}
