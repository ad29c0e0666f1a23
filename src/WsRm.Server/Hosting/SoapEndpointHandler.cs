using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsRm.Protocol;
using WsRm.Protocol.Faults;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;

namespace WsRm.Server.Hosting;

/// <summary>
/// What every SOAP endpoint does before its own work: POST only, a SOAP content type, a body within
/// MaxReceivedMessageSize, a well-formed envelope with every mustUnderstand header understood.
/// </summary>
internal abstract class SoapEndpointHandler(ServiceEndpoint endpoint, WsRmServerOptions options, ILogger logger)
{
    protected ServiceEndpoint Endpoint { get; } = endpoint;
    protected WsRmServerOptions Options { get; } = options;
    protected ILogger Logger { get; } = logger;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (Endpoint.Metadata is { } metadata && HttpMethods.IsGet(request.Method))
        {
            await Metadata.MetadataRequestHandler.HandleAsync(http, Endpoint, metadata).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = Endpoint.Metadata is null ? "POST" : "GET, POST";
            await Reject(http, StatusCodes.Status405MethodNotAllowed, "SOAP messages are sent with POST.").ConfigureAwait(false);
            return;
        }
        if (SoapVersion.FromContentType(request.ContentType) is not { } soap)
        {
            await Reject(http, StatusCodes.Status415UnsupportedMediaType,
                $"Content type '{request.ContentType}' is not SOAP: use text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2).").ConfigureAwait(false);
            return;
        }
        ReadOnlyMemory<byte>? body;
        RequestBody.ApplyLimit(http, Options.MaxReceivedMessageSize);
        try
        {
            body = await RequestBody.ReadAsync(request, Options.MaxReceivedMessageSize, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's limit stopped the read: ours, or its own when that could not be raised. Say so, not an empty 400.
            body = null;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client went away or sent a broken body: nothing was accepted, and there is nobody to answer.
            WsRmServerLog.RequestRejected(Logger, StatusCodes.Status400BadRequest, "the request body could not be read: " + e.Message);
            if (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested) http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (body is not { } envelope)
        {
            await Reject(http, StatusCodes.Status413PayloadTooLarge, RequestBody.TooLargeReason(http, Options.MaxReceivedMessageSize)).ConfigureAwait(false);
            return;
        }

        SoapMessage message;
        var transportAction = SoapHttp.TransportAction(request, soap);
        try
        {
            message = EnvelopeReader.Read(envelope, transportAction, soap);
        }
        catch (SoapParseException e)
        {
            WsRmServerLog.RequestRejected(Logger, SoapFault.HttpStatus, e.Message);
            await SoapHttp.WriteAsync(http.Response, new OutgoingMessage(soap, null) { Fault = SoapFaults.InvalidMessage(e.Message) }).ConfigureAwait(false);
            return;
        }
        catch (SoapVersionMismatchException e)
        {
            // Also a SOAP 1.2 envelope sent as text/xml or a 1.1 one as application/soap+xml: both media types are
            // served here, so not 415, but a VersionMismatch fault in the binding the content type chose (SOAP 1.1
            // §4.4.1, SOAP 1.2 Part 1 §5.4.7, WS-I BP 1.1 R1015), which the sender's HTTP stack can read.
            WsRmServerLog.RequestRejected(Logger, SoapFault.HttpStatus, e.Message);
            await SoapHttp.WriteAsync(http.Response, new OutgoingMessage(soap, null) { Fault = SoapFaults.VersionMismatch(e.EnvelopeNamespace, e.Expected) }).ConfigureAwait(false);
            return;
        }
        if (message.NotUnderstood.Count > 0)
        {
            await SoapReplies.FaultAsync(http, message, SoapFaults.MustUnderstand(message.NotUnderstood[0])).ConfigureAwait(false);
            return;
        }
        if (transportAction is not null && message.Addressing.Version is not null && message.Action != transportAction)
        {
            await SoapReplies.FaultAsync(http, message, AddressingFaults.ActionMismatch(message.Addressing.Version, message.Action ?? "", transportAction)).ConfigureAwait(false);
            return;
        }
        if (UnsupportedReplyAddress(message) is { } header)
        {
            await SoapReplies.FaultAsync(http, message, AddressingFaults.InvalidAddressingHeader(message.Addressing.Version, header,
                "Only the anonymous address is supported: replies and faults travel on the HTTP response.")).ConfigureAwait(false);
            return;
        }
        await HandleMessageAsync(http, message).ConfigureAwait(false);
    }

    // Replies go back on the HTTP response; an addressable ReplyTo/FaultTo would need a callback connection.
    private static string? UnsupportedReplyAddress(SoapMessage message)
    {
        var a = message.Addressing;
        if (a.Version is not { } wsa) return null;
        if (a.ReplyTo is { } replyTo && !wsa.IsAnonymous(replyTo.Address) && replyTo.Address != wsa.NoneUri) return "ReplyTo";
        if (a.FaultTo is { } faultTo && !wsa.IsAnonymous(faultTo.Address) && faultTo.Address != wsa.NoneUri) return "FaultTo";
        return null;
    }

    protected abstract Task HandleMessageAsync(HttpContext http, SoapMessage message);

    private Task Reject(HttpContext http, int status, string reason)
    {
        WsRmServerLog.RequestRejected(Logger, status, reason);
        return SoapHttp.WriteStatusAsync(http.Response, status, reason);
    }
}
