using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Server.Hosting;

/// <summary>Replies to a received message: same SOAP and addressing versions, related to its MessageID.</summary>
internal static class SoapReplies
{
    /// <summary>A reply to <paramref name="request"/> with the given action.</summary>
    public static OutgoingMessage For(SoapMessage request, string? action) =>
        new(request.Version, request.Addressing.Version)
        {
            Action = action,
            RelatesTo = request.Addressing.MessageId,
        };

    /// <summary>Writes <paramref name="fault"/> as the answer to <paramref name="request"/>.</summary>
    public static Task FaultAsync(HttpContext http, SoapMessage request, SoapFault fault)
    {
        var reply = For(request, null);
        reply.Fault = fault;
        if (fault.SequenceFaultHeader is { } ns) reply.Rm = RmVersion.FromNamespace(ns);
        return SoapHttp.WriteAsync(http.Response, reply);
    }
}
