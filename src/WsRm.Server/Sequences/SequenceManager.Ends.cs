using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Server.Diagnostics;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

// The end-of-sequence log (event 20): once per sequence, whichever way it ended, with the reason in words.
internal sealed partial class SequenceManager
{
    // The one log of a sequence's end (event 20), from whichever way it ended.
    private void LogEnded(ServerSession session, SequenceEndReason why)
    {
        ulong received = 0;
        lock (session.Sync)
            foreach (var range in session.Record.Destination.Received.Ranges) received += range.Upper - range.Lower + 1;
        WsRmServerLog.SequenceEnded(_logger, session.Id, session.Endpoint.Pattern, session.Record.Rm.Name, why.Words, received);
    }

    // In-memory sequences do not outlive the process: say so for each as the host stops. Durable ones go on in the store.
    private void LogEndedByStop()
    {
        foreach (var session in _sessions.Values)
            if (!session.Endpoint.Durable && !session.Ended) LogEnded(session, SequenceEndReason.HostStopping);
    }

    // The end of a durable sequence that was not in memory (expired in the store): as LogEnded, from its stored form.
    private void LogEnded(StoredSequence stored, SequenceEndReason why)
    {
        ulong received = 0;
        foreach (var range in SequenceRanges.Parse(stored.Received)) received += range.Upper - range.Lower + 1;
        var rm = RmVersion.FromNamespace(stored.RmNamespace)?.Name ?? stored.RmNamespace;
        WsRmServerLog.SequenceEnded(_logger, stored.Id, stored.Endpoint, rm, why.Words, received);
    }
}
