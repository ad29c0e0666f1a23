using Microsoft.AspNetCore.Builder;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Hosting;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;

namespace WsRm.Server.Tests.Queues;

/// <summary>
/// Queued endpoints (MapWsRmQueue): messages are committed to the target queue and acknowledged at once; the consumer
/// runs them at its own pace, in order per ordered sequence, retries failures WCF's way and handles poison messages
/// while later messages flow. On SQLite and PostgreSQL (one subclass each).
/// </summary>
public abstract class QueueTests : IAsyncLifetime
{
    private StoreUnderTest _database = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _database = await CreateStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Task<WireResponse> PostAsync(RmSession session, ulong number, string text) => QueueHost.PostAsync(session, number, text);

    [Theory, WireMatrix]
    public async Task A_burst_is_acknowledged_while_the_service_is_busy_and_drained_in_order(RmSpec rm, SoapSpec soap)
    {
        await using var host = await QueueHost.StartAsync(_database);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap), "/queue");
        host.Queue.Close();

        for (ulong n = 1; n <= 40; n++)
            Assert.Equal($"1-{n}", (await PostAsync(session, n, $"burst-{n:D2}")).AckFor(session.Id).RangeText);
        Assert.Empty(host.Queue.Processed);
        host.Queue.Open();

        await host.Queue.WaitUntilAsync(q => q.Processed.Length == 40);
        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"burst-{n:D2}"), host.Queue.Processed);
    }

    [Fact]
    public async Task A_message_behind_a_gap_waits_in_the_queue_until_the_gap_is_filled()
    {
        await using var host = await QueueHost.StartAsync(_database);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");

        Assert.Equal("3-3", (await PostAsync(session, 3, "gap-c")).AckFor(session.Id).RangeText);
        Assert.Equal("2-3", (await PostAsync(session, 2, "gap-b")).AckFor(session.Id).RangeText);
        Assert.Equal(MessageState.Waiting, (await host.Store.Admin.FindMessageAsync(session.Id, 3))!.State);
        Assert.Empty(host.Queue.Processed);

        await PostAsync(session, 1, "gap-a");
        await host.Queue.WaitUntilAsync(q => q.Processed.Length == 3);
        Assert.Equal(["gap-a", "gap-b", "gap-c"], host.Queue.Processed);
    }

    [Theory]
    [InlineData(ReceiveErrorHandling.Move, MessageState.Parked)]
    [InlineData(ReceiveErrorHandling.Reject, MessageState.Rejected)]
    public async Task A_failing_message_is_tried_exactly_the_configured_times_then_set_aside_while_later_messages_flow(ReceiveErrorHandling handling, MessageState poison)
    {
        await using var host = await QueueHost.StartAsync(_database, o =>
        {
            o.ReceiveRetryCount = 2;
            o.MaxRetryCycles = 2;
            o.RetryCycleDelay = TimeSpan.FromMinutes(10);
            o.ReceiveErrorHandling = handling;
        });
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");

        await PostAsync(session, 1, "bad-1");
        await PostAsync(session, 2, "good-2");
        // First cycle: 1 + ReceiveRetryCount attempts at once; then, while it waits for the next cycle, later messages flow.
        await host.Queue.WaitUntilAsync(q => q.Attempts.GetValueOrDefault("bad-1") == 3 && q.Processed.Contains("good-2"));
        for (var cycle = 2; cycle <= 3; cycle++)
        {
            await PostAsync(session, (ulong)cycle + 1, $"good-{cycle + 1}");
            await host.Queue.WaitUntilAsync(q => q.Processed.Contains($"good-{cycle + 1}"));
            Assert.Equal(3 * (cycle - 1), host.Queue.Attempts["bad-1"]);
            await host.AdvanceUntilAsync(TimeSpan.FromMinutes(10), q => q.Attempts["bad-1"] == 3 * cycle);
        }

        // (1 + MaxRetryCycles) × (ReceiveRetryCount + 1) = 9 attempts, then the poison queue.
        await WaitForStateAsync(host, session.Id, 1, poison);
        var parked = (await host.Store.Admin.ListPoisonAsync("/queue", 10)).Single();
        Assert.Equal((poison, 3, "Refused on purpose: bad-1"), (parked.State, parked.Cycles, parked.LastError));
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(9, host.Queue.Attempts["bad-1"]);
        Assert.Equal(["good-2", "good-3", "good-4"], host.Queue.Processed);
    }

    [Fact]
    public async Task Drop_deletes_the_poison_message()
    {
        await using var host = await QueueHost.StartAsync(_database, o =>
        {
            o.ReceiveRetryCount = 1;
            o.MaxRetryCycles = 0;
            o.ReceiveErrorHandling = ReceiveErrorHandling.Drop;
        });
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");

        await PostAsync(session, 1, "bad-dropped");
        await PostAsync(session, 2, "good-after");
        await host.Queue.WaitUntilAsync(q => q.Processed.Contains("good-after"));

        Assert.Equal(2, host.Queue.Attempts["bad-dropped"]);
        Assert.Null(await host.Store.Admin.FindMessageAsync(session.Id, 1));
        Assert.Empty(await host.Store.Admin.ListPoisonAsync(null, 10));
    }

    [Fact]
    public async Task A_store_failure_under_the_service_is_no_attempt_and_the_message_runs_again_after_its_lease()
    {
        await using var host = await QueueHost.StartAsync(_database, o =>
        {
            o.ReceiveRetryCount = 0;
            o.MaxRetryCycles = 0;
            o.ReceiveErrorHandling = ReceiveErrorHandling.Move;
            o.MaxConcurrentCalls = 1;
        });
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue-unordered");

        // One failure would move a message to the poison queue; the store's failure is not the message's. With one call
        // at a time, message 2 runs only once the first attempt of message 1 is settled.
        await PostAsync(session, 1, "unavailable-1");
        await host.Queue.WaitUntilAsync(q => q.Attempts.ContainsKey("unavailable-1"));
        await PostAsync(session, 2, "good-2");
        await host.Queue.WaitUntilAsync(q => q.Processed.Contains("good-2"));
        Assert.Empty(await host.Store.Admin.ListPoisonAsync(null, 10));

        await host.AdvanceUntilAsync(TimeSpan.FromMinutes(6), q => q.Processed.Contains("unavailable-1"));
        Assert.Equal(2, host.Queue.Attempts["unavailable-1"]);
        Assert.Empty(await host.Store.Admin.ListPoisonAsync(null, 10));
        await Eventually.TrueAsync(async () => await host.Store.Admin.FindMessageAsync(session.Id, 1) is null, "the message done");
    }

    [Fact]
    public async Task Fault_stops_the_endpoint_until_the_message_is_removed_then_it_resumes()
    {
        await using var host = await QueueHost.StartAsync(_database, o =>
        {
            o.ReceiveRetryCount = 0;
            o.MaxRetryCycles = 0;
            o.ReceiveErrorHandling = ReceiveErrorHandling.Fault;
        });
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");

        await PostAsync(session, 1, "bad-stops");
        await WaitForStateAsync(host, session.Id, 1, MessageState.Faulted);
        // Still received and acknowledged, not delivered.
        Assert.Equal("1-2", (await PostAsync(session, 2, "good-held")).AckFor(session.Id).RangeText);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("good-held", host.Queue.Processed);

        Assert.Equal(1, await host.Store.Admin.PurgePoisonAsync("/queue", session.Id, 1));
        await host.AdvanceUntilAsync(TimeSpan.FromSeconds(2), q => q.Processed.Contains("good-held"));
    }

    [Fact]
    public async Task What_the_queue_accepted_before_a_restart_is_delivered_after_it()
    {
        var queue = new FlakyQueue();
        string id;
        await using (var before = await QueueHost.StartAsync(_database, queue: queue))
        {
            queue.Close();
            var session = await RmSession.CreateAsync(before.Wire, new Wire(RmSpec.Rm10, SoapSpec.Soap11), "/queue");
            id = session.Id;
            for (ulong n = 1; n <= 5; n++) await PostAsync(session, n, $"restart-{n}");
            // Stopped with the service holding the first message. Stopping opens the queue, so that call may finish
            // in this host, and its "done" mark may or may not be committed before the store closes.
        }
        queue.Open();
        var fresh = new FlakyQueue();
        await using var after = await QueueHost.StartAsync(_database, queue: fresh);
        string[] Texts() => [.. queue.Processed.Concat(fresh.Processed).Where(t => t.StartsWith("restart-", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal)];
        // Past the first host's lease (5 minutes): the rest, and the first one unless it was marked done.
        await after.AdvanceUntilAsync(TimeSpan.FromMinutes(6), _ => Texts().Length == 5, fresh);
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"restart-{n}"), Texts());
        var inFresh = fresh.Processed.Where(t => t.StartsWith("restart-", StringComparison.Ordinal)).ToList();
        Assert.Equal(inFresh.Order(StringComparer.Ordinal), inFresh); // in order on the ordered sequence
        var resumed = RmSession.Attach(after.Wire, new Wire(RmSpec.Rm10, SoapSpec.Soap11), "/queue", id);
        Assert.Equal("1-6", (await PostAsync(resumed, 6, "restart-6")).AckFor(id).RangeText);
    }

    [Fact]
    public async Task A_full_queue_takes_no_new_message_until_it_drains()
    {
        await using var host = await QueueHost.StartAsync(_database, o => o.MaxQueueLength = 3);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");
        host.Queue.Close();

        for (ulong n = 1; n <= 3; n++) await PostAsync(session, n, $"full-{n}");
        var refused = await PostAsync(session, 4, "full-4");
        Assert.Equal(HttpStatusCode.Accepted, refused.Status);
        Assert.Equal("1-3", (await session.AckRequestedAsync()).AckFor(session.Id).RangeText);

        host.Queue.Open();
        await host.Queue.WaitUntilAsync(q => q.Processed.Length == 3);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(async () => (await PostAsync(session, 4, "full-4")).Status == HttpStatusCode.OK, "message 4 is taken");
        await host.Queue.WaitUntilAsync(q => q.Processed.Contains("full-4"));
    }

    [Fact]
    public void A_contract_with_a_request_reply_operation_cannot_be_a_queue()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TestApp.Build(
            b => _database.AddTo(b.Services.AddWsRmServer().Services).AddSingleton<WsRm.Host.Services.PostedTexts>()
                .AddSingleton<WsRm.Host.Services.IPostedTexts>(sp => sp.GetRequiredService<WsRm.Host.Services.PostedTexts>()),
            a => a.MapWsRmQueue<WsRm.Host.Services.EchoService>("/not-a-queue")));
        Assert.Contains("Echo", e.Message);
        Assert.Contains("one-way", e.Message);
    }

    private static async Task WaitForStateAsync(QueueHost host, string id, ulong number, MessageState state) =>
        await Eventually.TrueAsync(async () => (await host.Store.Admin.FindMessageAsync(id, number))?.State == state, $"message {number} is {state}");

}
