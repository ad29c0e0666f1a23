using System.Text;
using System.Xml;

namespace WsRm.Cli.Output;

/// <summary>
/// Stored XML, indented for reading. It is read with DTDs prohibited and no resolver (it came from the network); text
/// that is not well-formed XML is returned as it is, with the parser's reason.
/// </summary>
internal static class XmlPretty
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>
    /// <paramref name="utf8"/> indented by two spaces, without an XML declaration. <paramref name="fragment"/> reads
    /// several top-level elements (a body's content) rather than one document (an envelope). <c>Error</c> is null when
    /// the XML was well-formed; otherwise <c>Text</c> is the bytes as UTF-8 text.
    /// </summary>
    public static (string Text, string? Error) Format(byte[] utf8, bool fragment)
    {
        if (utf8.Length == 0) return ("", null);
        var settings = ReaderSettings.Clone();
        settings.ConformanceLevel = fragment ? ConformanceLevel.Fragment : ConformanceLevel.Document;
        var output = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(utf8, writable: false), settings);
            using (var writer = XmlWriter.Create(output, new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                OmitXmlDeclaration = true,
                ConformanceLevel = ConformanceLevel.Fragment,
                NewLineHandling = NewLineHandling.None,
            }))
            {
                reader.MoveToContent();
                while (!reader.EOF)
                {
                    // WriteNode copies the node and everything under it, then moves past it.
                    if (reader.NodeType is XmlNodeType.XmlDeclaration or XmlNodeType.Whitespace) reader.Read();
                    else writer.WriteNode(reader, defattr: true);
                }
            }
            return (output.ToString(), null);
        }
        catch (XmlException e)
        {
            return (Encoding.UTF8.GetString(utf8), e.Message);
        }
    }
}
