using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WsRm.Server.Diagnostics;

/// <summary>The server's metrics (meter <see cref="WsRmServerDiagnostics.MeterName"/>) and activity source.</summary>
internal sealed class WsRmServerMetrics
{
    /// <summary>Spans for each delivered message, tagged with sequence id and message number.</summary>
    public static readonly ActivitySource ActivitySource = new(WsRmServerDiagnostics.ActivitySourceName);

    private readonly Counter<long> _sequencesCreated;
    private readonly UpDownCounter<long> _sequencesActive;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _faults;

    public WsRmServerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(WsRmServerDiagnostics.MeterName);
        _sequencesCreated = meter.CreateCounter<long>("wsrm.sequences.created", "{sequence}", "Sequences created.");
        _sequencesActive = meter.CreateUpDownCounter<long>("wsrm.sequences.active", "{sequence}", "Sequences open now.");
        _delivered = meter.CreateCounter<long>("wsrm.messages.delivered", "{message}", "Messages delivered to services.");
        _duplicates = meter.CreateCounter<long>("wsrm.messages.duplicate", "{message}", "Retransmitted messages received again and not delivered.");
        _dropped = meter.CreateCounter<long>("wsrm.messages.dropped", "{message}", "Messages refused for lack of window room (the source retransmits).");
        _faults = meter.CreateCounter<long>("wsrm.faults", "{fault}", "WS-RM faults sent.");
    }

    public void SequenceCreated() { _sequencesCreated.Add(1); _sequencesActive.Add(1); }
    public void SequenceEnded() => _sequencesActive.Add(-1);
    public void Delivered() => _delivered.Add(1);
    public void Duplicate() => _duplicates.Add(1);
    public void Dropped() => _dropped.Add(1);
    public void Fault(string subcode) => _faults.Add(1, new KeyValuePair<string, object?>("wsrm.fault", subcode));
}
