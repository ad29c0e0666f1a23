using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Hosting;

namespace WsRm.Server.Sequences;

/// <summary>Builds and writes the RM-level answers shared by lifecycle and message handling.</summary>
internal static class RmReplies
{
    /// <summary>A reply to <paramref name="request"/> carrying RM headers of <paramref name="rm"/>.</summary>
    public static OutgoingMessage For(SoapMessage request, RmVersion rm, string? action)
    {
        var reply = SoapReplies.For(request, action);
        reply.Rm = rm;
        return reply;
    }

    /// <summary>A standalone acknowledgement message.</summary>
    public static Task AcknowledgeAsync(HttpContext http, SoapMessage request, RmVersion rm, SequenceAcknowledgement ack)
    {
        var reply = new OutgoingMessage(request.Version, request.Addressing.Version)
        {
            Action = rm.SequenceAcknowledgementAction,
            Rm = rm,
        };
        reply.Acknowledgements.Add(ack);
        return SoapHttp.WriteAsync(http.Response, reply);
    }

    /// <summary>Writes a WS-RM fault answering <paramref name="request"/>, counting and logging it.</summary>
    public static Task FaultAsync(HttpContext http, SoapMessage request, RmVersion rm, WsRmFault fault, SequenceManager manager)
    {
        manager.Metrics.Fault(fault.Subcode);
        if (request.Sequence is { } seq) WsRmServerLog.MessageFaulted(manager.Logger, seq.Identifier, seq.MessageNumber, fault.ToString());
        var reply = For(request, rm, null);
        reply.Fault = fault.ToSoapFault(rm, request.Version, request.Addressing.Version);
        return SoapHttp.WriteAsync(http.Response, reply);
    }
}
