using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Queued;

/// <summary>The transmission queue's metrics in the WsRm.Client meter, tagged with the queue's name.</summary>
public sealed class QueueMetricsTests
{
    [Fact]
    public async Task A_queue_reports_its_depth_oldest_age_retries_deliveries_and_dead_letters()
    {
        // Other tests feed the same static meter at the same time: only this test's queues (by tag) are counted.
        var measurements = new ConcurrentBag<(string Instrument, double Value, string? Queue, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WsRmClientDiagnostics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, "wsrm.queue"), Tag(tags, "wsrm.reason") ?? Tag(tags, "wsrm.failure"))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tag(tags, "wsrm.queue"), Tag(tags, "wsrm.reason"))));
        listener.Start();

        await using var destination = await EchoDestination.ReserveAsync();
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var options = Queues.Options(destination.Echo);
        options.QueueName = "metrics-" + Guid.NewGuid().ToString("N");
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store);
        var echo = factory.CreateChannel();
        var queue = factory.QueueName;

        echo.Post("metrics-1");
        echo.Post("metrics-2");
        await Until.QueueAsync(factory.Forwarder, () => Task.FromResult(factory.Forwarder.Depth.Count == 2 && factory.Forwarder.Failures > 0), "the depth read and a failed try");
        listener.RecordObservableInstruments();
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.queue.depth" && m.Queue == queue && m.Value == 2);
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.queue.oldest_age" && m.Queue == queue && m.Value >= 0);
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.queue.retries" && m.Queue == queue && m.Reason == "transient");

        await destination.StartAsync();
        await factory.Forwarder.WaitForEmptyAsync().Within();
        Assert.Equal(2, measurements.Where(m => m.Instrument == "wsrm.client.queue.enqueued" && m.Queue == queue).Sum(m => m.Value));
        Assert.Equal(2, measurements.Where(m => m.Instrument == "wsrm.client.queue.delivered" && m.Queue == queue).Sum(m => m.Value));

        var refusing = Queues.Options(new Uri(destination.Base, "/nowhere"));
        refusing.QueueName = queue + "-refused";
        refusing.MaxRefusals = 1;
        await using var refused = new WsRmQueuedChannelFactory<IQueuedEcho>(refusing, store);
        refused.CreateChannel().Post("metrics-3");
        await Until.QueueAsync(refused.Forwarder, async () => (await Queues.DeadAsync(store, refusing.QueueName)).Count == 1, "the dead letter");
        Assert.Contains(measurements, m => m.Instrument == "wsrm.client.queue.dead_letters" && m.Queue == refusing.QueueName && m.Reason == "refused" && m.Value == 1);
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
