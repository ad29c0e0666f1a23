using System.Xml;

namespace WsRm.Protocol.Xml;

/// <summary>Creates XmlReaders that refuse DTDs and external resources: every message comes from the network.</summary>
internal static class SafeXmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>A reader over an in-memory message.</summary>
    public static XmlReader Create(ReadOnlyMemory<byte> buffer)
    {
        var stream = new ReadOnlyMemoryStream(buffer);
        return XmlReader.Create(stream, Settings);
    }
}
