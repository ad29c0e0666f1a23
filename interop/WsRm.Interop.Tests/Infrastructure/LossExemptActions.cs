namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// WS-RM actions a lossy link in the interop tests must not drop, because the WCF client (System.ServiceModel.Http
/// 10.1.0) sends them through its "requestor" instead of the retransmission window: an aborted CreateSequence fails
/// Open at once (no retry), and CloseSequence / TerminateSequence are retried only every 10 s
/// (WCF's RequestorIterationTime). Dropping them would measure WCF's timers, not the server.
/// Application messages and RM 1.0 LastMessage are retransmitted normally and stay lossy.
/// </summary>
public static class LossExemptActions
{
    /// <summary>The exempt actions of WS-RM 1.0 and 1.1.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence",
        "http://schemas.xmlsoap.org/ws/2005/02/rm/TerminateSequence",
        "http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence",
        "http://docs.oasis-open.org/ws-rx/wsrm/200702/CloseSequence",
        "http://docs.oasis-open.org/ws-rx/wsrm/200702/TerminateSequence",
    };
}
