using Microsoft.Extensions.Time.Testing;
using WsRm.Client.Tests.Infrastructure;
using WsRm.Storage;

namespace WsRm.Client.Tests.Queued;

/// <summary>
/// The sender's dead-letter queue: a message whose TimeToLive passes unacknowledged goes there (the clock is a
/// FakeTimeProvider), and an operator's requeue then delivers it once; a destination that refuses permanently (HTTP 404)
/// sends its messages there after MaxRefusals tries, with the answer as the reason.
/// </summary>
public sealed class QueueDeadLetterTests
{
    [Fact]
    public async Task A_message_not_acknowledged_within_its_TimeToLive_goes_to_the_dead_letter_queue_and_a_requeue_delivers_it_once()
    {
        await using var destination = await EchoDestination.ReserveAsync();
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var options = Queues.Options(destination.Echo);
        options.TimeToLive = TimeSpan.FromHours(1);
        options.PollInterval = TimeSpan.FromMinutes(1);
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store, timeProvider: time);
        var queue = factory.QueueName;
        factory.CreateChannel().Post("ttl-1");
        var enqueued = Assert.Single(await Queues.PendingAsync(store, queue));
        Assert.Equal(enqueued.Enqueued + TimeSpan.FromHours(1), enqueued.ExpiresAt);

        time.Advance(TimeSpan.FromMinutes(59));
        await Until.QueueAsync(factory.Forwarder, () => Task.FromResult(factory.Forwarder.LastTurn >= time.GetUtcNow()), "a turn after 59 minutes");
        Assert.Empty(await Queues.DeadAsync(store, queue));
        Assert.Single(await Queues.PendingAsync(store, queue));

        time.Advance(TimeSpan.FromMinutes(1));
        await Until.QueueAsync(factory.Forwarder, async () => (await Queues.DeadAsync(store, queue)).Count == 1, "the dead letter");
        await factory.DisposeAsync();

        var dead = Assert.Single(await Queues.DeadAsync(store, queue));
        Assert.Equal(enqueued.Id, dead.Id);
        Assert.Equal(OutboxState.Dead, dead.State);
        Assert.Contains("TimeToLive", dead.DeadReason);
        Assert.Empty(await Queues.PendingAsync(store, queue));

        // An operator puts it back; the next forwarder (the system clock now) delivers it once.
        await destination.StartAsync();
        Assert.True(await store.Admin.RequeueDeadLetterAsync(dead.Id, null, TimeProvider.System.GetUtcNow()));
        await using var again = new WsRmQueuedChannelFactory<IQueuedEcho>(Queues.Options(destination.Echo), store);
        await again.Forwarder.WaitForEmptyAsync().Within();

        Assert.Equal(["ttl-1"], await destination.ReceivedAsync("ttl-", t => t.Length >= 1));
        Assert.Empty(await Queues.DeadAsync(store, queue));
        Assert.Empty(await Queues.PendingAsync(store, queue));
    }

    [Fact]
    public async Task A_message_that_expires_after_it_was_sent_is_a_dead_letter_that_may_have_arrived_and_its_sequence_is_given_up()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var gate = await HoldingGate.StartAsync(destination.Echo);
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var options = Queues.Options(destination.Echo, via: gate.Address);
        options.TimeToLive = TimeSpan.FromHours(1);
        options.PollInterval = TimeSpan.FromMinutes(1);
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store, timeProvider: time);
        var echo = factory.CreateChannel();
        var queue = factory.QueueName;

        gate.HoldAfter(1);
        echo.Post("expire-1");
        await factory.Forwarder.WaitForEmptyAsync().Within();
        var first = (await store.FindSourceSequenceAsync(queue))!.Id;
        echo.Post("expire-2");                      // sent as message 2; it arrives, its acknowledgement never does
        await gate.HeldAsync(1).Within();
        await destination.ReceivedAsync("expire-2", t => t.Length == 1);

        time.Advance(TimeSpan.FromHours(1));
        await Until.QueueAsync(factory.Forwarder, async () => (await Queues.DeadAsync(store, queue)).Count == 1, "the dead letter");

        var dead = Assert.Single(await Queues.DeadAsync(store, queue));
        Assert.Equal("expire-2", Queues.Text(dead));
        Assert.StartsWith("TimeToLive expired before the destination acknowledged it.", dead.DeadReason);
        Assert.Contains($"sent as message 2 of sequence {first} and may have been received", dead.DeadReason);
        Assert.Null(await store.FindSourceSequenceAsync(queue)); // given up: the destination would wait for 2 for ever

        gate.Pass();
        echo.Post("expire-3");
        time.Advance(TimeSpan.FromSeconds(1));      // past the retry delay
        await factory.Forwarder.WaitForEmptyAsync().Within();

        Assert.NotEqual(first, (await store.FindSourceSequenceAsync(queue))!.Id);
        Assert.Equal(["expire-3"], await destination.ReceivedAsync("expire-3", t => t.Length >= 1));
        Assert.Equal(["expire-1"], destination.Received("expire-1"));
    }

    [Fact]
    public async Task Messages_to_a_destination_that_answers_404_go_to_the_dead_letter_queue_after_MaxRefusals_tries()
    {
        await using var destination = new EchoDestination();
        await destination.StartAsync();
        await using var files = new TempStore();
        var store = await files.OpenAsync();
        var counter = new CountingHandler(WsRmHttp.CreateHandler());
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        var options = Queues.Options(new Uri(destination.Base, "/nowhere"));
        options.MaxRefusals = 3;
        await using var factory = new WsRmQueuedChannelFactory<IQueuedEcho>(options, store, http);
        var echo = factory.CreateChannel();
        var queue = factory.QueueName;

        await factory.Forwarder.StopAsync().Within(); // all three wait before the first try, so they see the same refusals
        foreach (var i in Enumerable.Range(1, 3)) await echo.PostAsync($"refused-{i}").Within();
        factory.Forwarder.Start();
        await Until.QueueAsync(factory.Forwarder, async () => (await Queues.DeadAsync(store, queue)).Count == 3, "3 dead letters");

        var dead = await Queues.DeadAsync(store, queue);
        Assert.Equal(["refused-1", "refused-2", "refused-3"], dead.Select(Queues.Text));
        Assert.All(dead, m =>
        {
            Assert.StartsWith("Undeliverable: the destination refused delivery 3 times in a row", m.DeadReason);
            Assert.Contains("404", m.DeadReason);
        });
        Assert.Empty(await Queues.PendingAsync(store, queue));
        // One CreateSequence per try: a refusal is not retried within a try, and the tries stop at MaxRefusals.
        Assert.Equal(3, counter.Requests);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
