using System.Net;
using System.Net.Http.Headers;
using WsRm.Protocol;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// One SOAP request over HTTP and the envelope that answers it. A 204, a 202 without a SOAP envelope, or an empty 200
/// is "no message" (the service accepted the request); a 202 with a SOAP envelope (an acknowledgement or a fault some
/// stacks put there) is read like a 200, and a SOAP 1.2 envelope in a 400 like one in a 500 (a Sender fault). Anything
/// that is not a SOAP envelope in a 200 or 500 response, and any 5xx, is a <see cref="TransportException"/>, which the
/// session masks and retries. A status that retrying cannot change (407, 401, 404, a redirect: see
/// <see cref="TransportErrors.IsPermanentStatus"/>) is an <see cref="HttpRequestException"/> carrying the status.
/// </summary>
internal sealed class SoapTransport(HttpClient http, Uri via, SoapVersion soap, long maxResponseSize)
{
    /// <summary>Posts <paramref name="envelope"/>; returns the answering message, or null for none.</summary>
    public async Task<SoapMessage?> SendAsync(byte[] envelope, string action, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, via) { Version = HttpVersion.Version11 };
        var content = new ByteArrayContent(envelope);
        content.Headers.TryAddWithoutValidation("Content-Type", soap.ContentType(action));
        request.Content = content;
        if (soap == SoapVersion.Soap11) request.Headers.TryAddWithoutValidation("SOAPAction", "\"" + action + "\"");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 204) return null;
        if (status == 202) return await ReadAcceptedAsync(response, cancellationToken).ConfigureAwait(false);
        // SOAP 1.2 Part 2 §7.5.2.2: a env:Sender fault travels as 400 Bad Request (gSOAP does so; WCF uses 500).
        var senderFault = status == 400 && soap == SoapVersion.Soap12
            && SoapVersion.FromContentType(response.Content.Headers.ContentType?.ToString()) == SoapVersion.Soap12;
        if (!senderFault && TransportErrors.IsPermanentStatus(response.StatusCode)) throw TransportErrors.Permanent(response, via);
        if (status != 200 && status != 500 && !senderFault) throw new TransportException($"HTTP {status} {response.ReasonPhrase}");
        if (response.Content.Headers.ContentLength is > 0 and var length && length > maxResponseSize)
            throw new TransportException($"The response of {length} bytes exceeds the limit of {maxResponseSize} bytes.");
        var body = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            if (status == 200) return null;
            throw new TransportException("HTTP 500 without a SOAP envelope.");
        }
        if (SoapVersion.FromContentType(response.Content.Headers.ContentType?.ToString()) is null)
            throw new TransportException($"HTTP {status} {response.ReasonPhrase} with content type '{response.Content.Headers.ContentType}', not SOAP.");
        try
        {
            return EnvelopeReader.Read(body, TransportAction(response.Content.Headers.ContentType));
        }
        catch (Exception e) when (e is SoapParseException or SoapVersionMismatchException)
        {
            throw new TransportException("The response is not a readable SOAP envelope: " + e.Message, e);
        }
    }

    // HTTP 202: the request was accepted whatever the body holds; a SOAP envelope in it is read, anything else ignored.
    private async Task<SoapMessage?> ReadAcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = response.Content.Headers;
        if (headers.ContentLength == 0 || SoapVersion.FromContentType(headers.ContentType?.ToString()) is null) return null;
        if (headers.ContentLength > maxResponseSize)
            throw new TransportException($"The response of {headers.ContentLength} bytes exceeds the limit of {maxResponseSize} bytes.");
        var body = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0) return null;
        try
        {
            return EnvelopeReader.Read(body, TransportAction(headers.ContentType));
        }
        catch (Exception e) when (e is SoapParseException or SoapVersionMismatchException)
        {
            return null;
        }
    }

    private async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

        // The message keeps the bytes, so they cannot come from a pool; with a Content-Length (the usual case) they
        // are read straight into an array of that size, without a growing buffer and a final copy.
        if (content.Headers.ContentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            try
            {
                await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException e)
            {
                throw new TransportException($"The response ended before its Content-Length of {length} bytes.", e);
            }
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxResponseSize)
                    throw new TransportException($"The response exceeds the limit of {maxResponseSize} bytes.");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private static string? TransportAction(MediaTypeHeaderValue? contentType)
    {
        if (contentType is null) return null;
        foreach (var p in contentType.Parameters)
            if (string.Equals(p.Name, "action", StringComparison.OrdinalIgnoreCase)) return p.Value?.Trim('"');
        return null;
    }
}
