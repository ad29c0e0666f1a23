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

    /// <summary>
    /// A reader over an in-memory message. It borrows this thread's <see cref="ReaderNameTable"/>, which goes back
    /// when the reader is disposed (it closes the stream that holds the loan).
    /// </summary>
    public static XmlReader Create(ReadOnlyMemory<byte> buffer)
    {
        var names = ReaderNameTable.Rent();
        var stream = new ReadOnlyMemoryStream(buffer, names);
        try
        {
            return XmlReader.Create(stream, names.Settings);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The same settings with <paramref name="nameTable"/> as the reader's name table.</summary>
    public static XmlReaderSettings SettingsWith(XmlNameTable nameTable)
    {
        var settings = Settings.Clone();
        settings.NameTable = nameTable;
        return settings;
    }
}
