using System.Net;

namespace WsRm.Testing;

/// <summary>Request content that reports, once, when its bytes have been written to the connection.</summary>
internal sealed class SignallingContent(byte[] body, Action written) : HttpContent
{
    private int _signalled;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _signalled, 1) == 0) written();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
