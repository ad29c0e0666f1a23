using System.Net;

namespace WsRm.Client;

/// <summary>
/// Sorts the failures of one HTTP exchange. Transient ones (the network, a timeout, HTTP 5xx, 408 and 429, an answer
/// that is not SOAP) are masked and retried by the session; permanent ones (any other HTTP status that retrying
/// cannot change, such as 407 from a proxy that wants other credentials, 401, 404, or a redirect) fault at once.
/// </summary>
internal static class TransportErrors
{
    /// <summary>True for an HTTP status that retrying the same request cannot change: 3xx (redirects are not followed) and 4xx but 408 and 429.</summary>
    public static bool IsPermanentStatus(HttpStatusCode status) =>
        (int)status is >= 300 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    /// <summary>True when the failure is worth retrying: see the class summary.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException { StatusCode: { } status } => !IsPermanentStatus(status),
        HttpRequestException or TransportException or IOException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// True when the request certainly never reached the service: the connection (to it or to the proxy) or its TLS
    /// handshake failed, or the name did not resolve, so nothing of the request was sent.
    /// </summary>
    public static bool NeverSent(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    /// <summary>The exception's message followed by those of its inner exceptions that add something, for logs and faults.</summary>
    public static string Describe(Exception e)
    {
        var text = e.Message;
        for (var (inner, depth) = (e.InnerException, 0); inner is not null && depth < 3; inner = inner.InnerException, depth++)
            if (!text.Contains(inner.Message, StringComparison.Ordinal)) text += " " + inner.Message;
        return text;
    }

    /// <summary>The exception for a status that retrying cannot change; its message says what to check.</summary>
    public static HttpRequestException Permanent(HttpResponseMessage response, Uri via)
    {
        var status = response.StatusCode;
        var hint = status switch
        {
            HttpStatusCode.ProxyAuthenticationRequired =>
                " The HTTP proxy wants credentials, or refused the ones given (WebProxy.Credentials).",
            HttpStatusCode.Unauthorized => " The service or an intermediary wants credentials.",
            _ when (int)status is >= 300 and < 400 =>
                $" Redirects are not followed (a redirected POST loses its body); set Via to the final URL{(response.Headers.Location is { } l ? $" ({l})" : "")}.",
            _ => "",
        };
        return new HttpRequestException(
            $"POST {via} was answered HTTP {(int)status} {response.ReasonPhrase}.{hint}", null, status);
    }
}
