using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsRm.Protocol.Faults;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;

namespace WsRm.Server.Hosting;

/// <summary>A SOAP endpoint without WS-RM: each request is dispatched as it comes, one-way operations get 202.</summary>
internal sealed class PlainSoapEndpointHandler(ServiceEndpoint endpoint, WsRmServerOptions options, ILogger logger)
    : SoapEndpointHandler(endpoint, options, logger)
{
    protected override async Task HandleMessageAsync(HttpContext http, SoapMessage message)
    {
        if (message.Sequence is not null && message.RmVersion is { } rm)
        {
            // wsrm:Sequence is always mustUnderstand (WS-RM 1.1 §3.3): running it here without acknowledging would
            // make a retrying client run the operation again.
            await SoapReplies.FaultAsync(http, message, SoapFaults.MustUnderstand(new System.Xml.XmlQualifiedName("Sequence", rm.Namespace))).ConfigureAwait(false);
            return;
        }
        if (message.Action is not { } action || !Endpoint.Dispatcher.TryGetOperation(action, out var operation))
        {
            await SoapReplies.FaultAsync(http, message, AddressingFaults.ActionNotSupported(message.Addressing.Version, message.Action)).ConfigureAwait(false);
            return;
        }
        var lease = Endpoint.AcquireCallInstance();
        Dispatch.OperationResult result;
        try
        {
            using var body = message.CreateBodyReader();
            result = await operation.InvokeAsync(lease.Instance, body, Endpoint.IncludeExceptionDetail, http.RequestAborted).ConfigureAwait(false);
            result = OperationFailures.Review(operation, result, Logger);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WsRmServerLog.OperationFailed(Logger, action, e);
            result = Dispatch.OperationResult.Fault(SoapFaults.InternalError());
        }
        finally
        {
            await Endpoint.ReleaseCallInstance(lease).ConfigureAwait(false);
        }

        if (result.FaultValue is { } fault)
        {
            await SoapReplies.FaultAsync(http, message, fault).ConfigureAwait(false);
        }
        else if (result.IsOneWay || IsReplyToNone(message))
        {
            SoapHttp.Accepted(http.Response);
        }
        else
        {
            var reply = SoapReplies.For(message, result.ReplyAction);
            reply.WriteBody = result.WriteBody;
            await SoapHttp.WriteAsync(http.Response, reply).ConfigureAwait(false);
        }
    }

    // WS-Addressing's none address: the sender wants no reply.
    private static bool IsReplyToNone(SoapMessage message) =>
        message.Addressing.Version?.NoneUri is { } none && message.Addressing.ReplyTo?.Address == none;
}
