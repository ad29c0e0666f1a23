using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Tests.Xml;

public class ReadOnlyMemoryStreamTests
{
    private static readonly byte[] Data = [1, 2, 3, 4, 5];

    [Fact]
    public void Read_ReturnsTheBytesThenZero()
    {
        using var stream = new ReadOnlyMemoryStream(Data);
        var buffer = new byte[3];

        Assert.Equal(3, stream.Read(buffer, 0, 3));
        Assert.Equal([1, 2, 3], buffer);
        Assert.Equal(2, stream.Read(buffer, 0, 3));
        Assert.Equal([4, 5], buffer[..2]);
        Assert.Equal(0, stream.Read(buffer, 0, 3));
        Assert.Equal(5, stream.Position);
    }

    [Fact]
    public void Read_IntoOffset()
    {
        using var stream = new ReadOnlyMemoryStream(Data);
        var buffer = new byte[4];

        Assert.Equal(2, stream.Read(buffer, 2, 2));

        Assert.Equal([0, 0, 1, 2], buffer);
    }

    [Theory]
    [InlineData(2, SeekOrigin.Begin, 2)]
    [InlineData(-1, SeekOrigin.End, 4)]
    [InlineData(10, SeekOrigin.Begin, 5)]
    [InlineData(-10, SeekOrigin.Begin, 0)]
    public void Seek_ClampsToTheBuffer(long offset, SeekOrigin origin, long expected)
    {
        using var stream = new ReadOnlyMemoryStream(Data);

        Assert.Equal(expected, stream.Seek(offset, origin));
        Assert.Equal(expected, stream.Position);
    }

    [Fact]
    public void Seek_FromCurrent()
    {
        using var stream = new ReadOnlyMemoryStream(Data);
        stream.ReadByte();
        stream.ReadByte();

        Assert.Equal(3, stream.Seek(1, SeekOrigin.Current));
        Assert.Equal(4, stream.ReadByte());
    }

    [Fact]
    public void IsReadOnlyAndSeekable()
    {
        using var stream = new ReadOnlyMemoryStream(Data);

        Assert.Equal((true, true, false, 5L), (stream.CanRead, stream.CanSeek, stream.CanWrite, stream.Length));
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
    }

    [Fact]
    public void ReadByte_ReadsOneByteThenMinusOne()
    {
        using var stream = new ReadOnlyMemoryStream(Data);
        stream.Position = 4;

        Assert.Equal((5, -1), (stream.ReadByte(), stream.ReadByte()));
    }

    [Fact]
    public void Dispose_ReturnsTheNameTableOnce()
    {
        var table = ReaderNameTable.Rent();
        var stream = new ReadOnlyMemoryStream(Data, table);

        stream.Dispose();
        var rented = ReaderNameTable.Rent();
        stream.Dispose(); // a second Dispose must not hand the table out a second time while it is lent

        Assert.Same(table, rented);
        Assert.NotSame(rented, ReaderNameTable.Rent());
    }
}
