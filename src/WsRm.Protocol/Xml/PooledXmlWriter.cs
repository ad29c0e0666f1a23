using System.Text;
using System.Xml;

namespace WsRm.Protocol.Xml;

/// <summary>
/// A UTF-8 XML writer kept per thread between messages, with a buffer of its own. <c>XmlWriter.Create</c> would
/// allocate a 6 KB buffer and its state for every message; this writer is reset instead. It is the text
/// <see cref="XmlDictionaryWriter"/> (WCF's) behind the character checks and newline handling that
/// <c>XmlWriter.Create</c> applies by default, so a value that XML cannot carry still throws rather than going out as
/// a message no reader accepts.
/// </summary>
internal sealed class PooledXmlWriter
{
    // A buffer grown past this by a large message is not kept for the life of the thread.
    private const int MaxKeptCapacity = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(false);
    private static readonly XmlWriterSettings Checks = new();

    [ThreadStatic]
    private static PooledXmlWriter? t_free;

    private readonly MemoryStream _buffer = new(1024);
    private readonly XmlDictionaryWriter _text;
    private bool _external;

    private PooledXmlWriter()
    {
        _text = XmlDictionaryWriter.CreateTextWriter(_buffer, Utf8, ownsStream: false);
        Writer = XmlWriter.Create(_text, Checks);
    }

    /// <summary>The writer to write one document with.</summary>
    public XmlWriter Writer { get; }

    /// <summary>
    /// Takes this thread's writer, or a new one, set to write to <paramref name="output"/> or, when null, to its own
    /// buffer. Give it back with <see cref="Return"/> once the document is complete; a writer that failed is dropped.
    /// </summary>
    public static PooledXmlWriter Rent(Stream? output)
    {
        var writer = t_free ?? new PooledXmlWriter();
        t_free = null;
        writer._buffer.SetLength(0);
        writer._external = output is not null;
        writer.SetOutput(output ?? writer._buffer); // also resets the writer's state from the last document
        return writer;
    }

    /// <summary>Closes the elements still open, as disposing an <see cref="XmlWriter"/> does, and flushes.</summary>
    public void Complete()
    {
        Writer.WriteEndDocument();
        Writer.Flush();
    }

    /// <summary>The bytes written to the writer's own buffer.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    /// <summary>Keeps the writer for the next message on this thread, holding on to no caller's stream.</summary>
    public void Return()
    {
        if (_external) SetOutput(_buffer);
        if (_buffer.Capacity <= MaxKeptCapacity) t_free = this;
    }

    private void SetOutput(Stream output) => ((IXmlTextWriterInitializer)_text).SetOutput(output, Utf8, ownsStream: false);
}
