namespace WsRm.Protocol.Xml;

/// <summary>
/// A read-only, seekable stream over a <see cref="ReadOnlyMemory{T}"/>, without copying it. It may hold a
/// <see cref="ReaderNameTable"/> lent to the reader reading it, and returns it when the reader closes the stream.
/// </summary>
internal sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> buffer, ReaderNameTable? nameTable = null) : Stream
{
    private int _position;
    private ReaderNameTable? _nameTable = nameTable;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => buffer.Length;

    public override long Position
    {
        get => _position;
        set => _position = (int)Math.Clamp(value, 0, buffer.Length);
    }

    public override int Read(byte[] target, int offset, int count) => Read(target.AsSpan(offset, count));

    public override int Read(Span<byte> target)
    {
        var n = Math.Min(target.Length, buffer.Length - _position);
        buffer.Span.Slice(_position, n).CopyTo(target);
        _position += n;
        return n;
    }

    public override int ReadByte() => _position < buffer.Length ? buffer.Span[_position++] : -1;

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => buffer.Length + offset,
        };
        return _position;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] b, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Once only: a table returned twice could end up lent to two readers at once.
        var table = _nameTable;
        _nameTable = null;
        table?.Return();
        base.Dispose(disposing);
    }
}
