using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.ServiceModel;
using WsRm.Client.Tests.Contracts.Samples;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Diagnostics;

/// <summary>The WsRm.Client meter and activity source report what a session does.</summary>
public sealed class ClientMetricsTests(ContractServerFixture fixture) : IClassFixture<ContractServerFixture>
{
    [Fact]
    public async Task A_session_reports_its_life_its_messages_and_each_call()
    {
        // Other tests run at the same time and feed the same static meter: count only this test's calls by action.
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Action, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WsRmClientDiagnostics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, "wsrm.action"), Tag(tags, "wsrm.outcome"))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, "wsrm.action"), Tag(tags, "wsrm.outcome"))));
        listener.Start();

        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WsRmClientDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        using var factory = new WsRmChannelFactory<IOrderService>(Sessions.Options(fixture.Server.Orders, WsRmVersion.Rm11, WsRmSoapVersion.Soap12));
        var proxy = await factory.CreateChannelAsync().Within();
        Assert.Equal(3, proxy.Add(1, 2));
        Assert.Throws<FaultException<OrderFault>>(() => proxy.Place(new Order { Item = "none" }));
        var sequenceId = ((IWsRmChannel)proxy).Session!.SequenceId;
        await ((IWsRmChannel)proxy).CloseAsync().Within();
        listener.RecordObservableInstruments();

        const string add = "urn:wsrm:tests:orders/IOrderService/Add";
        const string place = "urn:wsrm:tests:orders/IOrderService/Place";
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.sessions.opened");
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.messages.sent");
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.call.duration" && m.Action == add && m.Outcome == "ok" && m.Value > 0);
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.call.duration" && m.Action == place && m.Outcome == "fault");

        var mine = spans.Where(s => (string?)s.GetTagItem("wsrm.sequence_id") == sequenceId).ToArray();
        Assert.Equal(2, mine.Length);
        Assert.All(mine, s => Assert.Equal("wsrm.call", s.OperationName));
        Assert.Contains(mine, s => (string?)s.GetTagItem("wsrm.action") == add && s.GetTagItem("wsrm.message_number") is ulong);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name) return tag.Value as string;
        }

        return null;
    }
}
