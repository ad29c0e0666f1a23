using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Server.Hosting;
using WsRm.Server.Queues;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// A WS-RM endpoint: routes each message by its action to sequence lifetime handling (create, close, terminate,
/// acknowledgements) or to delivery of a sequenced application message. Messages outside a sequence get WSRMRequired.
/// </summary>
internal sealed class ReliableEndpointHandler(ServiceEndpoint endpoint, SequenceManager manager, QueueConsumer? queue = null)
    : SoapEndpointHandler(endpoint, manager.Options, manager.Logger)
{
    private readonly SequenceLifecycle _lifecycle = new(endpoint, manager);
    private readonly SequencedMessageProcessor _messages = new(endpoint, manager, new SequenceDelivery(endpoint, manager));
    private readonly QueuedMessageProcessor? _queued = queue is null ? null : new(endpoint, manager, queue);

    protected override async Task HandleMessageAsync(HttpContext http, SoapMessage message)
    {
        try
        {
            await RouteAsync(http, message).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            // A durable endpoint's store failed before anything of this message was acknowledged: the source retries.
            await SoapHttp.StoreUnavailableAsync(http, Logger, message.Sequence?.Identifier ?? "(none)", e).ConfigureAwait(false);
        }
    }

    private Task RouteAsync(HttpContext http, SoapMessage message)
    {
        var action = message.Action;
        var rm = message.RmVersion ?? RmVersion.FromAction(action);
        if (rm is null) return SoapReplies.FaultAsync(http, message, new WsrmRequiredFault().ToSoapFault(RmVersion.Rm11, message.Version, message.Addressing.Version));
        if (message.Addressing.Version is null)
            return SoapReplies.FaultAsync(http, message, AddressingFaults.MessageAddressingHeaderRequired(null, "Action"));

        if (action == rm.CreateSequenceAction) return _lifecycle.CreateAsync(http, message, rm);
        if (action == rm.TerminateSequenceAction) return _lifecycle.TerminateAsync(http, message, rm);
        if (action == rm.CloseSequenceAction && rm.Is11) return _lifecycle.CloseAsync(http, message, rm);
        if (action == rm.AckRequestedAction && message.Sequence is null) return _lifecycle.AckRequestedAsync(http, message, rm);
        if (action == rm.SequenceAcknowledgementAction && message.Sequence is null) return _lifecycle.AcknowledgementAsync(http, message, rm);
        if (message.Sequence is not null) return _queued?.HandleAsync(http, message, rm) ?? _messages.HandleAsync(http, message, rm);
        if (RmVersion.FromAction(action) is not null)
            return SoapReplies.FaultAsync(http, message, AddressingFaults.ActionNotSupported(message.Addressing.Version, action));
        return SoapReplies.FaultAsync(http, message, new WsrmRequiredFault().ToSoapFault(RmVersion.Rm11, message.Version, message.Addressing.Version));
    }
}
