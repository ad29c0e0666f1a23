using WsRm.Client.Tests.Infrastructure;
using WsRm.Storage;
using Xunit.Abstractions;

namespace WsRm.Client.Tests.Queued;

/// <summary>
/// The destination forgets the queue's sequence (the real server's in-memory <c>/echo</c> restarted): messages sent on
/// it and not acknowledged may have been received, so ExactlyOnce sends them to the dead-letter queue and at-least-once
/// sends them again; messages that certainly never arrived, and later ones, go on a new sequence either way.
/// </summary>
public sealed class QueueSequenceLossTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Messages_that_may_have_arrived_on_a_forgotten_sequence_follow_ExactlyOnce_and_later_ones_go_on_a_new_one(bool exactlyOnce)
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var gate = await HoldingGate.StartAsync(destination.Echo);
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var options = Queues.Options(destination.Echo, via: gate.Address);
        options.ExactlyOnce = exactlyOnce;
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store);
        var echo = factory.CreateChannel();
        var queue = factory.QueueName;

        foreach (var i in Enumerable.Range(1, 5)) echo.Post($"forgot-a{i}");
        await factory.Forwarder.WaitForEmptyAsync().Within();
        var before = (await store.FindSourceSequenceAsync(queue))!.Id;

        gate.Hold();                                // b1..b3 reach the service; their acknowledgements never come back
        foreach (var i in Enumerable.Range(1, 3)) echo.Post($"forgot-b{i}");
        await gate.HeldAsync(3).Within();
        await destination.ReceivedAsync("forgot-b", texts => texts.Length == 3);
        await destination.StopAsync();              // the in-memory sequence state is gone
        await destination.StartAsync();
        gate.Pass();                                // the retransmissions meet UnknownSequence

        if (exactlyOnce)
        {
            await Until.QueueAsync(factory.Forwarder, async () => (await Queues.DeadAsync(store, queue)).Count == 3, "3 dead letters");
        }
        else
        {
            await factory.Forwarder.WaitForEmptyAsync().Within();
        }
        foreach (var i in Enumerable.Range(1, 3)) echo.Post($"forgot-c{i}");
        await factory.Forwarder.WaitForEmptyAsync().Within();

        var after = (await store.FindSourceSequenceAsync(queue))!.Id;
        Assert.NotEqual(before, after);
        Assert.Equal(["forgot-a1", "forgot-a2", "forgot-a3", "forgot-a4", "forgot-a5"], destination.Received("forgot-a"));
        Assert.Equal(["forgot-c1", "forgot-c2", "forgot-c3"], await destination.ReceivedAsync("forgot-c", t => t.Length >= 3));
        var dead = await Queues.DeadAsync(store, queue);
        if (exactlyOnce)
        {
            // Never a duplicate: each b ran once (before the restart) and waits in the dead-letter queue for an operator.
            Assert.Equal(["forgot-b1", "forgot-b2", "forgot-b3"], destination.Received("forgot-b"));
            Assert.Equal(["forgot-b1", "forgot-b2", "forgot-b3"], dead.Select(Queues.Text));
            Assert.All(dead, m =>
            {
                Assert.Equal(OutboxState.Dead, m.State);
                Assert.Contains($"of sequence {before}", m.DeadReason);
                Assert.Contains("UnknownSequence", m.DeadReason);
                Assert.Contains("may have been received", m.DeadReason);
            });
        }
        else
        {
            // Never lost: each b ran at least once; sent again on the new sequence, it may have run twice.
            Assert.Empty(dead);
            var b = await destination.ReceivedAsync("forgot-b", t => t.Length >= 6);
            Assert.Equal(["forgot-b1", "forgot-b2", "forgot-b3"], b.Distinct().Order());
            Assert.All(b.GroupBy(t => t), g => Assert.InRange(g.Count(), 1, 2));
        }
    }

    [Fact]
    public async Task Messages_that_never_reached_a_forgotten_sequence_are_sent_on_a_new_one_even_with_ExactlyOnce()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var (loggers, log) = RecordingLoggerProvider.Create();
        using var _ = loggers;
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(Queues.Options(destination.Echo), store, loggerFactory: loggers);
        var echo = factory.CreateChannel();
        var queue = factory.QueueName;
        using var dump = new OnDispose(() => output.WriteLine(log.Dump()));

        echo.Post("never-a1");
        await factory.Forwarder.WaitForEmptyAsync().Within();
        var before = (await store.FindSourceSequenceAsync(queue))!.Id;

        await destination.StopAsync();              // connections refused: nothing of b1..b3 gets there
        foreach (var i in Enumerable.Range(1, 3)) echo.Post($"never-b{i}");
        await Until.QueueAsync(factory.Forwarder, async () =>
            (await Queues.PendingAsync(store, queue)).Count(m => m.SequenceId == before) == 3 && factory.Forwarder.Failures > 0,
            "b1..b3 numbered on the sequence and a failed try");
        await destination.StartAsync();             // it no longer knows the sequence

        await factory.Forwarder.WaitForEmptyAsync().Within();

        Assert.Empty(await Queues.DeadAsync(store, queue));
        Assert.NotEqual(before, (await store.FindSourceSequenceAsync(queue))!.Id);
        Assert.Equal(["never-b1", "never-b2", "never-b3"], await destination.ReceivedAsync("never-b", t => t.Length >= 3));
    }
}
