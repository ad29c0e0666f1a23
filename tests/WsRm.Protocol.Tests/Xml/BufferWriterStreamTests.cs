using System.Buffers;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class BufferWriterStreamTests
{
    [Fact]
    public void Write_AppendsToTheBufferWriter()
    {
        var output = new ArrayBufferWriter<byte>();
        using var stream = new BufferWriterStream(output);

        stream.Write([1, 2, 3], 1, 2);
        stream.Write([4]);
        stream.WriteByte(5);

        Assert.Equal([2, 3, 4, 5], output.WrittenSpan.ToArray());
    }

    [Fact]
    public void IsWriteOnly()
    {
        using var stream = new BufferWriterStream(new ArrayBufferWriter<byte>());

        Assert.Equal((false, false, true), (stream.CanRead, stream.CanSeek, stream.CanWrite));
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
    }
}
