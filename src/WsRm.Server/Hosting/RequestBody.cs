using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WsRm.Server.Hosting;

/// <summary>
/// Reads a request body whole, within <c>MaxReceivedMessageSize</c>, after making the server's own request body limit
/// (Kestrel's <c>MaxRequestBodySize</c>, 30 MB by default) that same size for this request.
/// </summary>
internal static class RequestBody
{
    private const int SegmentSize = 1024 * 1024;

    /// <summary>
    /// Sets the server's request body limit for this request to <paramref name="limit"/> bytes, as MVC's
    /// <c>[RequestSizeLimit]</c> does: raised when the server's is smaller (so a larger MaxReceivedMessageSize works),
    /// lowered when it is larger or unlimited (so the server stops reading a body we will refuse anyway). Left alone when
    /// the server has no such limit or it is read-only, i.e. the body has already been read from.
    /// </summary>
    public static void ApplyLimit(HttpContext http, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature && feature.MaxRequestBodySize != limit)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>
    /// The reason given with HTTP 413: MaxReceivedMessageSize, or the server's own limit when that one is smaller and
    /// could not be raised.
    /// </summary>
    public static string TooLargeReason(HttpContext http, long limit) =>
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } server && server < limit
            ? $"The message is larger than the server's request body limit ({server} bytes, e.g. Kestrel's MaxRequestBodySize), " +
              $"which is below MaxReceivedMessageSize ({limit} bytes) and could not be raised for this request."
            : $"The message is larger than MaxReceivedMessageSize ({limit} bytes).";

    /// <summary>
    /// Reads the whole body; null when it is larger than <paramref name="limit"/> bytes (at most 2^31-1). A body
    /// without Content-Length (chunked) is read in 1 MB pooled segments and copied once, so it costs at most twice
    /// its size while being read. The server may also refuse an over-limit body by throwing BadHttpRequestException
    /// with status 413.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        limit = Math.Min(limit, Array.MaxLength); // the largest byte[] .NET allocates, a little below 2^31-1
        if (request.ContentLength is { } length)
        {
            if (length > limit) return null;
            // The common case: one exact allocation, filled in place.
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var segments = new List<byte[]>();
        long total = 0;
        try
        {
            while (true)
            {
                var segment = ArrayPool<byte>.Shared.Rent(SegmentSize);
                segments.Add(segment);
                var filled = 0;
                int read;
                while (filled < segment.Length
                       && (read = await request.Body.ReadAsync(segment.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                    if (total + filled > limit) return null;
                }

                total += filled;
                if (filled < segment.Length) break;
            }

            return Join(segments, total);
        }
        finally
        {
            foreach (var segment in segments) ArrayPool<byte>.Shared.Return(segment);
        }
    }

    private static byte[] Join(List<byte[]> segments, long total)
    {
        var body = new byte[total];
        var offset = 0;
        foreach (var segment in segments)
        {
            var count = (int)Math.Min(segment.Length, total - offset);
            segment.AsSpan(0, count).CopyTo(body.AsSpan(offset));
            offset += count;
        }

        return body;
    }
}
