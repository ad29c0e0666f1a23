namespace WsRm.Client;

/// <summary>
/// Names to register with OpenTelemetry (or any <c>MeterListener</c> / <c>ActivityListener</c>) to collect the client's
/// telemetry: <c>AddMeter(WsRmClientDiagnostics.MeterName)</c> and <c>AddSource(WsRmClientDiagnostics.ActivitySourceName)</c>.
/// </summary>
/// <remarks>
/// The meter carries the reliable sessions' instruments (<c>wsrm.client.sessions.*</c>, <c>wsrm.client.messages.*</c>,
/// <c>wsrm.client.call.duration</c>, …) and the queued client's transmission queues' (<c>wsrm.client.queue.*</c>). It is
/// static, as <see cref="HttpClient"/>'s is, since clients are often made with <c>new</c> outside any container; the
/// store under a queued client reports in <c>WsRm.Storage.StoreMetrics.MeterName</c>.
/// </remarks>
public static class WsRmClientDiagnostics
{
    /// <summary>The client's meter, <c>WsRm.Client</c>.</summary>
    public const string MeterName = "WsRm.Client";

    /// <summary>
    /// The client's activity source, <c>WsRm.Client</c>: a <c>wsrm.call</c> span (kind Client) per request or one-way
    /// send, tagged with the action, the sequence id and the message number.
    /// </summary>
    public const string ActivitySourceName = "WsRm.Client";
}
