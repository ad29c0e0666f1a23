using System.Text;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Kestrel;

/// <summary>
/// A plain SOAP 1.2 Echo request of an exact size, made large by an unknown (not mustUnderstand) header block of
/// filler, which the server skips; written piece by piece so a test never holds the whole message.
/// </summary>
internal sealed class PaddedEcho
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Filler = Enumerable.Repeat((byte)'A', ChunkSize).ToArray();

    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    public PaddedEcho(long size, string to, string text)
    {
        _prefix = Encoding.UTF8.GetBytes(
            $"<s:Envelope xmlns:s=\"{Ns.Soap12}\" xmlns:a=\"{Ns.Wsa10}\"><s:Header>"
            + $"<a:Action s:mustUnderstand=\"1\">{Ns.EchoAction}</a:Action><a:MessageID>{Envelope.NewId()}</a:MessageID>"
            + $"<a:ReplyTo><a:Address>{Ns.Wsa10}/anonymous</a:Address></a:ReplyTo><a:To s:mustUnderstand=\"1\">{to}</a:To>"
            + "<p:Padding xmlns:p=\"urn:wsrm:tests:padding\">");
        _suffix = Encoding.UTF8.GetBytes($"</p:Padding></s:Header><s:Body>{Messages.EchoBody(text)}</s:Body></s:Envelope>");
        Size = size;
        if (FillerLength < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "too small for the envelope");
    }

    /// <summary>The message size in bytes.</summary>
    public long Size { get; }

    public string ContentType => $"application/soap+xml; charset=utf-8; action=\"{Ns.EchoAction}\"";

    private long FillerLength => Size - _prefix.Length - _suffix.Length;

    /// <summary>Writes the message, in pieces of at most 64 KB, to <paramref name="write"/>.</summary>
    public async Task WriteAsync(Func<ReadOnlyMemory<byte>, Task> write)
    {
        await write(_prefix);
        for (long left = FillerLength; left > 0; left -= ChunkSize)
        {
            await write(Filler.AsMemory(0, (int)Math.Min(ChunkSize, left)));
        }

        await write(_suffix);
    }
}
