using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Soap;

namespace WsRm.Server.Hosting;

/// <summary>HTTP side of SOAP: the version and action a request announces, and responses.</summary>
internal static class SoapHttp
{
    /// <summary>The action from SOAPAction (1.1) or the content type's action parameter (1.2).</summary>
    public static string? TransportAction(HttpRequest request, SoapVersion version)
    {
        if (version == SoapVersion.Soap11)
        {
            var value = request.Headers["SOAPAction"].ToString().Trim();
            return value.Trim('"') is { Length: > 0 } a ? a : null;
        }
        foreach (var part in (request.ContentType ?? "").Split(';'))
        {
            var kv = part.Trim();
            if (kv.StartsWith("action=", StringComparison.OrdinalIgnoreCase)) return kv[7..].Trim('"');
        }
        return null;
    }

    /// <summary>Writes a SOAP message (HTTP 500 for faults, as WCF expects).</summary>
    public static Task WriteAsync(HttpResponse response, OutgoingMessage message)
    {
        byte[] bytes;
        try
        {
            bytes = EnvelopeWriter.ToArray(message);
        }
        catch (Exception e) when (message.Fault is null && e is not OutOfMemoryException)
        {
            // The reply body is serialized only now; a result the serializer cannot write becomes a fault, not a 500
            // with a half-written envelope.
            message.WriteBody = null;
            message.Action = null;
            message.Fault = Protocol.Faults.SoapFaults.InternalError();
            bytes = EnvelopeWriter.ToArray(message);
        }
        response.StatusCode = message.IsFault ? Protocol.Faults.SoapFault.HttpStatus : StatusCodes.Status200OK;
        response.ContentType = message.Soap.ContentType(message.EffectiveAction);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>Answers with a status and a one-line plain-text explanation.</summary>
    public static Task WriteStatusAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n");
    }

    /// <summary>
    /// HTTP 503 with Retry-After: the store could not commit (or read) what this message needs; nothing of it was
    /// acknowledged, so its source retransmits it. Logged at Warning.
    /// </summary>
    public static Task StoreUnavailableAsync(HttpContext http, Microsoft.Extensions.Logging.ILogger logger, string sequenceId, Exception failure)
    {
        Diagnostics.WsRmServerLog.StoreFailed(logger, sequenceId, failure.Message);
        if (http.Response.HasStarted) return Task.CompletedTask;
        http.Response.Headers.RetryAfter = "1";
        return WriteStatusAsync(http.Response, StatusCodes.Status503ServiceUnavailable, "The message store is unavailable; retransmit later.");
    }

    /// <summary>HTTP 202 with an empty body: a one-way message was accepted.</summary>
    public static void Accepted(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.ContentLength = 0;
    }
}
