using System.Xml;

namespace WsRm.Protocol.Xml;

/// <summary>
/// Walks element-only content (every WS-RM and WS-Addressing complex type, the SOAP Header and Envelope) the way
/// the schemas allow it to be written: comments, processing instructions and white space, also white space in a
/// CDATA section or under <c>xml:space="preserve"</c>, between the children. Other text is not allowed there by any
/// version and stays an error.
/// </summary>
internal static class ElementContent
{
    /// <summary>
    /// Moves to the next child element (true) or to the end tag of the parent (false). The reader is inside the
    /// parent, after its start tag or after a child.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="parent">The parent's name for the error message (e.g. "wsrm:Offer").</param>
    /// <exception cref="SoapParseException">Text other than white space, or the document ends inside the parent.</exception>
    public static bool MoveToNextChild(XmlReader reader, string parent) => SkipWhiteSpace(reader) switch
    {
        XmlNodeType.Element => true,
        XmlNodeType.EndElement => false,
        XmlNodeType.Text or XmlNodeType.CDATA => throw new SoapParseException($"{parent} has unexpected text content."),
        _ => throw new SoapParseException($"{parent} is not closed."),
    };

    /// <summary>
    /// Moves past white space (text, CDATA, significant), comments and processing instructions; returns the node
    /// type the reader stops on.
    /// </summary>
    public static XmlNodeType SkipWhiteSpace(XmlReader reader)
    {
        while (reader.MoveToContent() is XmlNodeType.Text or XmlNodeType.CDATA && IsXmlWhiteSpace(reader.Value))
            reader.Read();
        return reader.NodeType;
    }

    // XML 1.0 §2.3 S: space, tab, CR, LF (not the other Unicode spaces).
    private static bool IsXmlWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (c is not (' ' or '\t' or '\r' or '\n')) return false;
        }
        return true;
    }
}
