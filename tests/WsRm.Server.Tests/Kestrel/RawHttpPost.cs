using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WsRm.Server.Tests.Kestrel;

/// <summary>
/// One HTTP/1.1 POST over a plain socket, the body streamed with Content-Length or chunked transfer coding while the
/// response is read at the same time, so an answer the server gives before the body is complete (413) is seen even
/// when the server then closes the connection. Bounded by a generous wall-clock timeout (real sockets).
/// </summary>
internal static class RawHttpPost
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>What came back, and whether the whole request body could be sent.</summary>
    public sealed record Response(int Status, string Text, bool BodySent);

    public static async Task<Response> SendAsync(Uri url, PaddedEcho message, bool chunked, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(url.Host, url.Port, timeout.Token);
        var stream = client.GetStream();

        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {message.ContentType}\r\nConnection: close\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {message.Size.ToString(CultureInfo.InvariantCulture)}\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), timeout.Token);

        var sending = SendBodyAsync(stream, message, chunked, timeout.Token);
        var response = await ReadResponseAsync(stream, timeout.Token);
        bool sent = await sending;
        return response with { BodySent = sent };
    }

    // False when the server stopped the upload (closed or reset the connection).
    private static async Task<bool> SendBodyAsync(NetworkStream stream, PaddedEcho message, bool chunked, CancellationToken cancellationToken)
    {
        try
        {
            await message.WriteAsync(async piece =>
            {
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece.Length:X}\r\n"), cancellationToken);
                await stream.WriteAsync(piece, cancellationToken);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            });
            if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    // Status line, headers, then the body by Content-Length, chunked coding, or to the end of the connection.
    private static async Task<Response> ReadResponseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reader = new ResponseReader(stream, cancellationToken);
        var statusLine = await reader.ReadLineAsync();
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        long? length = null;
        var chunked = false;
        for (var line = await reader.ReadLineAsync(); line.Length > 0; line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':');
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = long.Parse(value, CultureInfo.InvariantCulture);
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        }

        var body = new MemoryStream();
        if (chunked)
        {
            for (var size = Convert.ToInt32((await reader.ReadLineAsync()).Split(';')[0], 16); size > 0;
                 size = Convert.ToInt32((await reader.ReadLineAsync()).Split(';')[0], 16))
            {
                await reader.CopyAsync(body, size);
                await reader.ReadLineAsync();
            }
        }
        else if (length is { } n)
        {
            await reader.CopyAsync(body, n);
        }
        else
        {
            await reader.CopyToEndAsync(body);
        }

        return new Response(status, Encoding.UTF8.GetString(body.ToArray()), false);
    }

    /// <summary>A small buffered reader over the response bytes.</summary>
    private sealed class ResponseReader(NetworkStream stream, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start, _end;

        public async Task<string> ReadLineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync()) throw new IOException("The connection closed inside the response head.");
                var b = _buffer[_start++];
                if (b == '\n') return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                line.Add(b);
            }
        }

        public async Task CopyAsync(Stream destination, long count)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync()) throw new IOException("The connection closed inside the response body.");
                var n = (int)Math.Min(count, _end - _start);
                destination.Write(_buffer, _start, n);
                _start += n;
                count -= n;
            }
        }

        public async Task CopyToEndAsync(Stream destination)
        {
            do
            {
                destination.Write(_buffer, _start, _end - _start);
                _start = _end;
            }
            while (await FillAsync());
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}
