using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Server.Sequences;

/// <summary>Applies the acknowledgements a client sends for its reply sequence (piggybacked or standalone).</summary>
internal static class AcknowledgementProcessor
{
    /// <summary>Applies them; when one is invalid, writes InvalidAcknowledgement and returns true (the request is answered).</summary>
    public static async Task<bool> ApplyAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, SequenceManager manager)
    {
        if (message.Acknowledgements.Count == 0 || session.Record.Reply is not { } reply) return false;
        InvalidAcknowledgementFault? fault = null;
        lock (session.Sync)
        {
            // Acknowledgements are activity too: a client that only acknowledges replies keeps its sequence alive.
            session.Record.Destination.Touch(manager.Time.GetUtcNow());
            foreach (var ack in message.Acknowledgements)
            {
                if (ack.Identifier != reply.Id) continue;
                fault = reply.Acknowledge(ack);
                if (fault is not null) break;
                session.NoteAcknowledgedReplies(ack.Ranges);
            }
        }
        if (fault is null) return false;
        await RmReplies.FaultAsync(http, message, rm, fault, manager).ConfigureAwait(false);
        return true;
    }
}
