namespace WsRm.Server;

/// <summary>
/// Names to register with OpenTelemetry (or any <c>MeterListener</c> / <c>ActivityListener</c>) to collect the server's
/// telemetry: <c>AddMeter(WsRmServerDiagnostics.MeterName)</c> and <c>AddSource(WsRmServerDiagnostics.ActivitySourceName)</c>.
/// </summary>
/// <remarks>
/// The meter carries the reliable sessions' instruments (<c>wsrm.sequences.*</c>, <c>wsrm.messages.*</c>,
/// <c>wsrm.faults</c>) and the queued endpoints' (<c>wsrm.queue.*</c>); the durable store's are in
/// <c>WsRm.Storage.StoreMetrics.MeterName</c>. The meter is made through the application's <c>IMeterFactory</c>, so its
/// instruments belong to the container that made them (two hosts in one process do not mix their counts).
/// </remarks>
public static class WsRmServerDiagnostics
{
    /// <summary>The server's meter, <c>WsRm.Server</c>.</summary>
    public const string MeterName = "WsRm.Server";

    /// <summary>
    /// The server's activity source, <c>WsRm.Server</c>: a <c>wsrm.deliver</c> span (kind Server) per message delivered
    /// to a reliable endpoint's service and a <c>wsrm.queue.deliver</c> span (kind Consumer) per queued message run,
    /// tagged <c>wsrm.sequence_id</c>, <c>wsrm.message_number</c> and <c>soap.action</c>.
    /// </summary>
    public const string ActivitySourceName = "WsRm.Server";
}
