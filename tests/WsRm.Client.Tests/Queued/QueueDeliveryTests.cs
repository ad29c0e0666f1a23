using System.Diagnostics;
using WsRm.Client.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsRm.Client.Tests.Queued;

/// <summary>
/// The queued client against the real WsRm server on loopback Kestrel, with the real SQLite store in a temp file: calls
/// return while the destination is down and everything arrives once, in order, when it comes up; a forwarder stopped
/// mid-stream and started again on the same store resumes its sequence, so nothing is lost or run twice.
/// </summary>
public sealed class QueueDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Calls_return_while_the_destination_is_down_and_every_message_arrives_once_in_order_when_it_comes_up()
    {
        await using var destination = await EchoDestination.ReserveAsync();
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(Queues.Options(destination.Echo), store);
        var echo = factory.CreateChannel();
        var expected = Enumerable.Range(1, 1000).Select(i => $"down-{i:D4}").ToArray();

        var enqueue = Stopwatch.StartNew();
        foreach (var text in expected) echo.Post(text);
        enqueue.Stop();

        // Every call returned with its message committed; the forwarder tried and failed, and keeps trying.
        Assert.Equal(expected, (await Queues.PendingAsync(store, factory.QueueName)).Select(Queues.Text));
        await Until.QueueAsync(factory.Forwarder, () => Task.FromResult(factory.Forwarder.Failures > 0), "a failed try");

        await destination.StartAsync();
        var drain = Stopwatch.StartNew();
        await factory.Forwarder.WaitForEmptyAsync().Within(TimeSpan.FromMinutes(2));
        var received = await destination.ReceivedAsync("down-", texts => texts.Length >= expected.Length);
        drain.Stop();

        Assert.Equal(expected, received);
        Assert.Empty(await Queues.DeadAsync(store, factory.QueueName));
        output.WriteLine($"1,000 calls enqueued in {enqueue.Elapsed.TotalSeconds:F2} s; drained after the destination started in {drain.Elapsed.TotalSeconds:F2} s.");
    }

    [Fact]
    public async Task A_forwarder_stopped_mid_stream_and_started_again_resumes_its_sequence_and_nothing_is_lost_or_run_twice()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var gate = await HoldingGate.StartAsync(destination.Echo);
        await using var files = new TempStore();
        var options = Queues.Options(destination.Echo, via: gate.Address);
        options.MaxTransferWindowSize = 8;
        var expected = Enumerable.Range(1, 60).Select(i => $"restart-{i:D2}").ToArray();

        var store = await files.OpenAsync();
        var (loggers, log) = RecordingLoggerProvider.Create();
        using var _ = loggers;
        using var dump = new OnDispose(() => output.WriteLine(log.Dump()));
        await using var first = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store, loggerFactory: loggers);
        var echo = first.CreateChannel();
        gate.HoldAfter(20);               // after 20 messages the destination gets them but the sender hears nothing
        foreach (var text in expected) await echo.PostAsync(text).Within();
        await gate.HeldAsync(8).Within(); // the window is full of messages that arrived unacknowledged
        await Until.QueueAsync(first.Forwarder, async () => (await Queues.PendingAsync(store, first.QueueName)).Count == 40, "20 acknowledged");
        await destination.ReceivedAsync("restart-", t => t.Length == 28); // the held ones arrived and ran
        await first.DisposeAsync();       // the process goes away mid-stream
        var sequence = await store.FindSourceSequenceAsync(first.QueueName);
        var left = await Queues.PendingAsync(store, first.QueueName);
        await store.DisposeAsync();

        // Some acknowledged (removed), some sent and not acknowledged (numbered), some never sent (unnumbered).
        Assert.Equal(40, left.Count);
        Assert.Contains(left, m => m.SequenceId == sequence!.Id && m.Number is not null);
        Assert.Contains(left, m => m.SequenceId is null);
        Assert.All(left.Where(m => m.Number is not null), m => Assert.True(m.Number <= sequence!.LastNumber));
        output.WriteLine($"At the stop: {60 - left.Count} acknowledged, {left.Count(m => m.Number is not null)} sent unacknowledged, {left.Count(m => m.Number is null)} unsent; last number {sequence!.LastNumber}.");

        gate.Pass();
        store = await files.OpenAsync();
        await using var second = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store);
        await second.Forwarder.WaitForEmptyAsync().Within();
        var received = await destination.ReceivedAsync("restart-", texts => texts.Length >= expected.Length);

        Assert.Equal(expected, received);
        Assert.Equal(sequence.Id, (await store.FindSourceSequenceAsync(second.QueueName))!.Id);
        Assert.Empty(await Queues.DeadAsync(store, second.QueueName));
    }

    [Fact]
    public async Task A_destination_with_durable_sessions_that_restarts_keeps_the_sequence_so_nothing_is_dead_lettered_or_run_twice()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var gate = await HoldingGate.StartAsync(destination.DurableEcho);
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(Queues.Options(destination.DurableEcho, via: gate.Address), store);
        var echo = factory.CreateChannel();
        var expected = Enumerable.Range(1, 12).Select(i => $"durable-{i:D2}").ToArray();

        gate.HoldAfter(4);
        foreach (var text in expected) echo.Post(text);
        await gate.HeldAsync(8).Within();           // messages 5..12 arrived (committed by the service), unacknowledged
        var sequence = (await store.FindSourceSequenceAsync(factory.QueueName))!.Id;
        await destination.StopAsync();
        await destination.StartAsync();             // the durable sequence is loaded back from the service's store
        gate.Pass();
        await factory.Forwarder.WaitForEmptyAsync().Within();

        Assert.Equal(expected, await destination.ReceivedAsync("durable-", t => t.Length >= expected.Length));
        Assert.Empty(await Queues.DeadAsync(store, factory.QueueName));
        Assert.Equal(sequence, (await store.FindSourceSequenceAsync(factory.QueueName))!.Id);
    }
}
