using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WsRm.Client;

/// <summary>
/// The client's metrics (meter <see cref="WsRmClientDiagnostics.MeterName"/>) and activity source. Static, as <see cref="HttpClient"/>'s are:
/// a client is often made with <c>new</c>, outside any container.
/// </summary>
internal static partial class WsRmClientMetrics
{
    /// <summary>A <c>wsrm.call</c> span per request or one-way send, tagged with action, sequence and message number.</summary>
    public static readonly ActivitySource ActivitySource = new(WsRmClientDiagnostics.ActivitySourceName);

    private static readonly Meter Meter = new(WsRmClientDiagnostics.MeterName);
    private static readonly Counter<long> SessionsOpened = Meter.CreateCounter<long>("wsrm.client.sessions.opened", "{session}", "Sessions opened (CreateSequence answered).");
    private static readonly UpDownCounter<long> SessionsActive = Meter.CreateUpDownCounter<long>("wsrm.client.sessions.active", "{session}", "Sessions open now.");
    private static readonly Counter<long> SessionsFaulted = Meter.CreateCounter<long>("wsrm.client.sessions.faulted", "{session}", "Sessions ended by a fault, an abort or exhausted retries.");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("wsrm.client.messages.sent", "{message}", "Application messages sent the first time.");
    private static readonly Counter<long> Retransmitted = Meter.CreateCounter<long>("wsrm.client.messages.retransmitted", "{message}", "Application messages sent again.");
    private static readonly Counter<long> AckRequests = Meter.CreateCounter<long>("wsrm.client.ack_requests.sent", "{request}", "Standalone AckRequested messages sent (keep-alive, probes of messages answered without acknowledgement, waits for window room or close).");
    private static readonly Counter<long> TransportFailures = Meter.CreateCounter<long>("wsrm.client.transport.failures", "{failure}", "HTTP exchanges that failed and were left to retransmission.");
    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("wsrm.client.call.duration", "s", "From the call to its reply (request-reply) or the service's first answer to it (one-way).");

    public static void SessionOpened()
    {
        SessionsOpened.Add(1);
        SessionsActive.Add(1);
    }

    /// <summary>The session ended; <paramref name="faulted"/> when not by a graceful close.</summary>
    public static void SessionEnded(bool faulted)
    {
        SessionsActive.Add(-1);
        if (faulted) SessionsFaulted.Add(1);
    }

    public static void MessageSent() => Sent.Add(1);

    public static void MessageRetransmitted() => Retransmitted.Add(1);

    public static void TransportFailed() => TransportFailures.Add(1);

    public static void AckRequestedSent() => AckRequests.Add(1);

    /// <summary>Records a finished call; <paramref name="outcome"/> is <c>ok</c>, <c>fault</c> (an application fault) or <c>error</c>.</summary>
    public static void CallEnded(string action, string outcome, TimeSpan elapsed)
        => CallDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("wsrm.action", action),
            new KeyValuePair<string, object?>("wsrm.outcome", outcome));
}
