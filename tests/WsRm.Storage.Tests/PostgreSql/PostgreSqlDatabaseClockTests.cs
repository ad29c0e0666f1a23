using WsRm.Testing.PostgreSql;
using WsRm.Storage.PostgreSql;
using static WsRm.Storage.Tests.StoreTestData;

namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>
/// With <see cref="PostgreSqlClock.Database"/> every time the store writes or compares is the database's: the times
/// passed in (years off here, either way) change nothing. Elapsed time is made by moving stored times back behind the
/// store's back, never by waiting.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDatabaseClockTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Past = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Future = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string _database = "";
    private PostgreSqlWsRmStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _store = new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = _database });
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await server.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task Written_times_are_the_database_clock_and_an_expiry_keeps_its_time_to_live()
    {
        var before = await DatabaseNowAsync();
        Assert.Equal(CommitResult.Committed, await _store.CommitAsync(StoreBatch.Of(
            new SaveSequence(Sequence("urn:s1") with { Created = Past, LastActivity = Past }),
            new AddMessage(Message("urn:s1", 1, received: Future)),
            new Enqueue(Outbox("q1", "a") with { Enqueued = Past, ExpiresAt = Past.AddHours(1) }),
            new SaveSourceSequence(new StoredSourceSequence { Queue = "q1", Id = "urn:src", Address = "http://x/y", RmNamespace = "ns", Created = Future }))));
        var after = await DatabaseNowAsync();

        var sequence = (await _store.FindSequenceAsync("urn:s1"))!;
        Assert.InRange(sequence.Created, before, after);
        Assert.InRange(sequence.LastActivity, before, after);
        Assert.InRange(Assert.Single(await _store.ReadMessagesAsync("urn:s1")).Received, before, after);
        var queued = Assert.Single(await _store.ReadOutboxAsync("q1", 10));
        Assert.InRange(queued.Enqueued, before, after);
        Assert.Equal(TimeSpan.FromHours(1), queued.ExpiresAt - queued.Enqueued);
        Assert.InRange((await _store.FindSourceSequenceAsync("q1"))!.Created, before, after);

        // An update that keeps the last activity as read keeps it; one that changes it (the source was heard from) sets now().
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(sequence with { Received = "1-1" })));
        var kept = (await _store.FindSequenceAsync("urn:s1"))!;
        Assert.Equal((2L, sequence.LastActivity), (kept.Version, kept.LastActivity));
        var later = await DatabaseNowAsync();
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(kept with { Received = "1-2", LastActivity = Past })));
        Assert.InRange((await _store.FindSequenceAsync("urn:s1"))!.LastActivity, later, await DatabaseNowAsync());
    }

    [Fact]
    public async Task Claims_compare_and_lease_with_the_database_clock()
    {
        var now = await DatabaseNowAsync();
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:free", ordered: false)),
            new AddMessage(Message("urn:free", 1)), new AddMessage(Message("urn:free", 2) with { NotBefore = now.AddHours(1) })));

        var before = await DatabaseNowAsync();
        var claimed = Assert.Single(await _store.ClaimMessagesAsync("/orders", 10, Future, TimeSpan.FromMinutes(5)));
        var after = await DatabaseNowAsync();
        Assert.Equal(1UL, claimed.Number);
        Assert.InRange(claimed.LeaseUntil!.Value, before.AddMinutes(5), after.AddMinutes(5));
        Assert.Equal(claimed.LeaseUntil, (await _store.Admin.FindMessageAsync("urn:free", 1))!.LeaseUntil);

        // Years ahead by the caller's clock, minutes by the database's: the lease holds and message 2 is not due.
        Assert.Empty(await _store.ClaimMessagesAsync("/orders", 10, Future, TimeSpan.FromMinutes(5)));

        // Six minutes pass for the database: the lease ran out, whatever the caller says the time is.
        await PostgreSqlServer.ExecuteAsync(_database, "UPDATE wsrm_messages SET lease_until = lease_until - interval '6 minutes', not_before = not_before - interval '6 minutes'");
        Assert.Equal([1UL], (await _store.ClaimMessagesAsync("/orders", 10, Past, TimeSpan.FromMinutes(5))).Select(m => m.Number));
    }

    [Fact]
    public async Task Inactivity_expiry_and_dead_letters_use_the_database_clock()
    {
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:s1")),
            new Enqueue(Outbox("q1", "now") with { Enqueued = Future, ExpiresAt = Future }),
            new Enqueue(Outbox("q1", "later") with { Enqueued = Past, ExpiresAt = Past.AddHours(1) })));

        Assert.Empty(await _store.FindInactiveSequencesAsync(TimeSpan.FromMinutes(10), Future, 10));
        await PostgreSqlServer.ExecuteAsync(_database, "UPDATE wsrm_sequences SET last_activity = last_activity - interval '11 minutes'");
        Assert.Equal(["urn:s1"], (await _store.FindInactiveSequencesAsync(TimeSpan.FromMinutes(10), Past, 10)).Select(s => s.Id));

        var before = await DatabaseNowAsync();
        var dead = Assert.Single(await _store.ExpireOutboxAsync("q1", Past));
        var after = await DatabaseNowAsync();
        Assert.Contains("now", System.Text.Encoding.UTF8.GetString(dead.Body));
        Assert.InRange(dead.DeadAt!.Value, before, after);
        Assert.Empty(await _store.ExpireOutboxAsync("q1", Future));

        // Sent again once more: the dead letter keeps the time it died; requeued, it gets a new enqueueing time and expiry.
        await _store.CommitAsync(StoreBatch.Of(new UpdateOutbox(dead with { Attempts = 3, DeadAt = Future })));
        Assert.Equal(dead.DeadAt, (await _store.Admin.FindOutboxAsync(dead.Id))!.DeadAt);
        Assert.True(await _store.Admin.RequeueDeadLetterAsync(dead.Id, TimeSpan.FromDays(2), Past));
        var requeued = (await _store.Admin.FindOutboxAsync(dead.Id))!;
        Assert.InRange(requeued.Enqueued, after, await DatabaseNowAsync());
        Assert.Equal(TimeSpan.FromDays(2), requeued.ExpiresAt - requeued.Enqueued);
    }

    private async Task<DateTimeOffset> DatabaseNowAsync() =>
        new((DateTime)(await PostgreSqlServer.ScalarAsync(_database, "SELECT now()"))!, TimeSpan.Zero);
}
