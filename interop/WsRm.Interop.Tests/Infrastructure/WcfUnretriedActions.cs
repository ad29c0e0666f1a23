namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>
/// WS-RM actions the WCF client sends once and does not retransmit after a transport failure (seen on the wire with
/// System.ServiceModel.Http 10.1.0: an aborted CreateSequence fails Open with CommunicationException at once).
/// A lossy link in the tests must not drop them, or the test measures WCF rather than the server.
/// </summary>
public static class WcfUnretriedActions
{
    /// <summary>The exempt actions of WS-RM 1.0 and 1.1.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence",
        "http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence",
    };
}
