using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;

namespace WsRm.Server.Tests.Queues;

/// <summary>
/// A queued endpoint's target queue outlives the sequences that filled it: what a sequence handed over (acknowledged)
/// is still processed after its source terminated it or it expired, and its poison messages stay for the operator.
/// (Found by the crash tests: a client that closed its session while the queue still held its messages lost them all.)
/// On SQLite and PostgreSQL (one subclass each).
/// </summary>
public abstract class QueueSequenceEndTests : IAsyncLifetime
{
    private StoreUnderTest _database = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _database = await CreateStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Task<WireResponse> PostAsync(RmSession session, ulong number, string text) => QueueHost.PostAsync(session, number, text);

    [Theory]
    [InlineData("/queue")]
    [InlineData("/queue-unordered")]
    public async Task Messages_still_queued_when_the_source_terminates_the_sequence_are_processed_after_it(string path)
    {
        await using var host = await QueueHost.StartAsync(_database);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), path);
        host.Queue.Close();
        for (ulong n = 1; n <= 5; n++) await PostAsync(session, n, $"end-{n}");

        (await session.TerminateAsync(lastMsgNumber: 5)).AssertOk();
        await Eventually.TrueAsync(async () => await host.Store.FindSequenceAsync(session.Id) is null, "the sequence left the store");
        host.Queue.Open();

        await host.Queue.WaitUntilAsync(q => q.Processed.Length == 5);
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"end-{n}"), host.Queue.Processed.Order(StringComparer.Ordinal));
        await Eventually.TrueAsync(async () => (await host.Store.Admin.GetQueueDepthsAsync()).All(d => d.Count == 0), "every queue is empty");
    }

    [Fact]
    public async Task A_message_behind_a_gap_when_the_source_terminates_the_sequence_is_processed_past_the_gap()
    {
        await using var host = await QueueHost.StartAsync(_database);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");
        await PostAsync(session, 1, "gap-1");
        await PostAsync(session, 3, "gap-3");
        await host.Queue.WaitUntilAsync(q => q.Processed.Contains("gap-1"));

        (await session.TerminateAsync(lastMsgNumber: 3)).AssertOk();
        await host.AdvanceUntilAsync(TimeSpan.FromSeconds(2), q => q.Processed.Contains("gap-3")); // the consumer's next look
        Assert.Equal(["gap-1", "gap-3"], host.Queue.Processed);
    }

    [Fact]
    public async Task Messages_still_queued_when_the_sequence_expires_are_processed_after_it()
    {
        // A lease longer than the inactivity timeout: the message held at the closed gate is not taken a second time.
        await using var host = await QueueHost.StartAsync(_database, o => o.Lease = TimeSpan.FromHours(1));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");
        host.Queue.Close();
        for (ulong n = 1; n <= 3; n++) await PostAsync(session, n, $"idle-{n}");

        // Past InactivityTimeout (10 minutes), a sweep at a time.
        for (var minute = 0; minute < 12 && await host.Store.FindSequenceAsync(session.Id) is not null; minute++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
        await Eventually.TrueAsync(async () => await host.Store.FindSequenceAsync(session.Id) is null, "the sequence left the store");
        host.Queue.Open();

        await host.Queue.WaitUntilAsync(q => q.Processed.Length == 3);
        Assert.Equal(["idle-1", "idle-2", "idle-3"], host.Queue.Processed);
    }

    [Fact]
    public async Task A_poison_message_stays_for_the_operator_after_its_sequence_is_terminated()
    {
        await using var host = await QueueHost.StartAsync(_database, o =>
        {
            o.ReceiveRetryCount = 0;
            o.MaxRetryCycles = 0;
            o.ReceiveErrorHandling = ReceiveErrorHandling.Move;
        });
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12), "/queue");
        await PostAsync(session, 1, "bad-kept");
        await Eventually.TrueAsync(async () => (await host.Store.Admin.FindMessageAsync(session.Id, 1))?.State == MessageState.Parked, "message 1 is parked");

        (await session.TerminateAsync(lastMsgNumber: 1)).AssertOk();
        await Eventually.TrueAsync(async () => await host.Store.FindSequenceAsync(session.Id) is null, "the sequence left the store");

        var poison = Assert.Single(await host.Store.Admin.ListPoisonAsync("/queue", 10));
        Assert.Equal((session.Id, 1UL, MessageState.Parked), (poison.SequenceId, poison.Number, poison.State));
        Assert.True(await host.Store.Admin.RequeuePoisonAsync(session.Id, 1));
    }
}
