using System.Data.Common;
using System.Diagnostics.Metrics;
using static WsRm.Storage.Tests.StoreTestData;

namespace WsRm.Storage.Tests;

/// <summary>
/// What every <see cref="IWsRmStore"/> provider must do, run against each real database: each test gets a fresh, empty
/// database from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class StoreConformanceTests : IAsyncLifetime
{
    private IWsRmStore? _store;

    protected IWsRmStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A store on a new, empty database, initialized.</summary>
    protected abstract Task<IWsRmStore> CreateStoreAsync();

    /// <summary>Another store instance on the same database as <see cref="Store"/> (a restarted process, or another node).</summary>
    protected abstract Task<IWsRmStore> ReopenAsync();

    /// <summary>Another store instance on the same database, not initialized, with <c>MigrateSchema</c> off (as <c>wsrm</c> opens it).</summary>
    protected abstract Task<IWsRmStore> ReopenWithoutMigratingAsync();

    /// <summary>Sets the schema version recorded in the database, behind the store's back.</summary>
    protected abstract Task SetSchemaVersionAsync(int version);

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    private Task<CommitResult> CommitAsync(params StoreOperation[] operations) => Store.CommitAsync(StoreBatch.Of(operations));

    [Fact]
    public async Task Initializing_again_keeps_the_data()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")));
        await Store.InitializeAsync();
        Assert.NotNull(await Store.FindSequenceAsync("urn:s1"));
    }

    [Fact]
    public async Task A_newer_schema_stops_initialization_with_a_clear_message()
    {
        await SetSchemaVersionAsync(999);
        await using var other = await ReopenUninitializedAsync();
        var e = await Assert.ThrowsAsync<StoreSchemaException>(() => other.InitializeAsync());
        Assert.Contains("999", e.Message);
        Assert.Contains("newer", e.Message);
    }

    [Fact]
    public async Task Without_migrating_an_older_schema_is_refused_and_left_as_it_is()
    {
        await SetSchemaVersionAsync(0);
        await using (var other = await ReopenWithoutMigratingAsync())
        {
            var e = await Assert.ThrowsAsync<StoreSchemaException>(() => other.InitializeAsync());
            Assert.Contains("older", e.Message);
            Assert.Contains("MigrateSchema", e.Message);
        }
        // Still version 0: a second refusal says the same (nothing was migrated behind it).
        await using var again = await ReopenWithoutMigratingAsync();
        Assert.Contains("version 0", (await Assert.ThrowsAsync<StoreSchemaException>(() => again.InitializeAsync())).Message);
    }

    [Fact]
    public async Task Without_migrating_a_current_schema_opens_and_reads()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")));
        await using var other = await ReopenWithoutMigratingAsync();
        await other.InitializeAsync();
        Assert.NotNull(await other.FindSequenceAsync("urn:s1"));
    }

    [Fact]
    public async Task Check_is_a_round_trip_that_counts_the_stored_sequences()
    {
        Assert.Equal(0, await Store.Admin.CheckAsync());
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new SaveSequence(Sequence("urn:s2", client: "10.0.0.2")));
        Assert.Equal(2, await Store.Admin.CheckAsync());
    }

    /// <summary>Another instance on the same database, not initialized.</summary>
    protected abstract Task<IWsRmStore> ReopenUninitializedAsync();

    [Fact]
    public async Task A_sequence_is_inserted_then_updated_from_the_version_it_was_read_at()
    {
        Assert.Equal(CommitResult.Committed, await CommitAsync(new SaveSequence(Sequence("urn:s1", replyId: "urn:r1"))));
        var stored = await Store.FindSequenceAsync("urn:s1");
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(Sequence("urn:s1", replyId: "urn:r1") with { Version = 1 }, stored);

        var changed = stored with { Received = "1-3,5-5", LastMessageNumber = 5, LastNamedBySource = true, Status = SequenceStatus.Closed, ReplyLastNumber = 2, LastActivity = T0.AddMinutes(1) };
        Assert.Equal(CommitResult.Committed, await CommitAsync(new SaveSequence(changed)));
        Assert.Equal(changed with { Version = 2 }, await Store.FindSequenceAsync("urn:s1"));
        Assert.Equal("urn:s1", (await Store.FindSequenceByReplyIdAsync("urn:r1"))?.Id);
    }

    [Fact]
    public async Task A_stale_version_an_existing_id_or_a_taken_reply_id_is_a_conflict_and_writes_nothing()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1", replyId: "urn:r1")));
        var v1 = (await Store.FindSequenceAsync("urn:s1"))!;
        await CommitAsync(new SaveSequence(v1 with { Received = "1-1" }));

        Assert.Equal(CommitResult.Conflict, await CommitAsync(new AddMessage(Message("urn:s1", 2)), new SaveSequence(v1 with { Received = "1-2" })));
        Assert.Equal(CommitResult.Conflict, await CommitAsync(new SaveSequence(Sequence("urn:s1"))));
        Assert.Equal(CommitResult.Conflict, await CommitAsync(new SaveSequence(Sequence("urn:s2", replyId: "urn:r1"))));

        Assert.Equal("1-1", (await Store.FindSequenceAsync("urn:s1"))!.Received);
        Assert.Empty(await Store.ReadMessagesAsync("urn:s1"));
        Assert.Null(await Store.FindSequenceAsync("urn:s2"));
    }

    [Fact]
    public async Task The_last_reply_number_only_rises()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1", replyId: "urn:r1")));
        var v1 = (await Store.FindSequenceAsync("urn:s1"))!;
        await CommitAsync(new NoteReplyNumber("urn:s1", 3), new NoteReplyNumber("urn:s1", 2));
        Assert.Equal(3UL, (await Store.FindSequenceAsync("urn:s1"))!.ReplyLastNumber);

        // A sequence update read before the reply was numbered does not lower it either.
        await CommitAsync(new SaveSequence(v1 with { Received = "1-4" }));
        Assert.Equal((3UL, "1-4"), (await Store.FindSequenceAsync("urn:s1")) is { } s ? (s.ReplyLastNumber, s.Received) : default);
    }

    [Fact]
    public async Task Messages_are_kept_in_number_order_updated_and_removed()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 3)), new AddMessage(Message("urn:s1", 1)));
        Assert.Equal(CommitResult.Conflict, await CommitAsync(new AddMessage(Message("urn:s1", 1))));

        var messages = await Store.ReadMessagesAsync("urn:s1");
        Assert.Equal([1UL, 3UL], messages.Select(m => m.Number));
        Assert.Equal(Message("urn:s1", 1).Envelope, messages[0].Envelope);
        Assert.Equal(Message("urn:s1", 1) with { Envelope = messages[0].Envelope }, messages[0]);

        var failed = messages[0] with { Attempts = 2, Cycles = 1, NotBefore = T0.AddMinutes(30), LastError = "boom", State = MessageState.Ready };
        await CommitAsync(new UpdateMessage(failed), new RemoveMessage("urn:s1", 3));
        var after = Assert.Single(await Store.ReadMessagesAsync("urn:s1"));
        Assert.Equal(failed with { Envelope = after.Envelope }, after);
    }

    [Fact]
    public async Task Replies_are_kept_until_removed_and_deleting_a_sequence_removes_everything()
    {
        var reply = new StoredReply { SequenceId = "urn:s1", RequestNumber = 4, ReplyNumber = 2, Action = "urn:test/EchoResponse", Body = "<r/>"u8.ToArray() };
        var fault = new StoredReply { SequenceId = "urn:s1", RequestNumber = 5, ReplyNumber = 3, Body = "<Fault/>"u8.ToArray(), IsFault = true, LastMessage = true };
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddReply(reply), new AddReply(fault), new AddMessage(Message("urn:s1", 6)));

        var found = await Store.FindReplyAsync("urn:s1", 4);
        Assert.NotNull(found);
        Assert.Equal(reply.Body, found.Body);
        Assert.Equal((2UL, "urn:test/EchoResponse", false, false), (found.ReplyNumber, found.Action, found.IsFault, found.LastMessage));
        Assert.Equal((true, true, (string?)null), (await Store.FindReplyAsync("urn:s1", 5))!.IsFault is var f ? (f, (await Store.FindReplyAsync("urn:s1", 5))!.LastMessage, (await Store.FindReplyAsync("urn:s1", 5))!.Action) : default);

        await CommitAsync(new RemoveReplies("urn:s1", [(1, 2)]));
        Assert.Null(await Store.FindReplyAsync("urn:s1", 4));

        await CommitAsync(new DeleteSequence("urn:s1"));
        Assert.Null(await Store.FindSequenceAsync("urn:s1"));
        Assert.Null(await Store.FindReplyAsync("urn:s1", 5));
        Assert.Empty(await Store.ReadMessagesAsync("urn:s1"));
    }

    [Fact]
    public async Task Deleting_a_target_queue_sequence_keeps_its_messages_and_readies_those_behind_a_gap()
    {
        var parked = Message("urn:s1", 2) with { State = MessageState.Parked, LastError = "boom" };
        var waiting = Message("urn:s1", 4) with { State = MessageState.Waiting };
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)), new AddMessage(parked), new AddMessage(waiting),
            new AddReply(new StoredReply { SequenceId = "urn:s1", RequestNumber = 1, ReplyNumber = 1, Body = "<r/>"u8.ToArray() }));

        await CommitAsync(new DeleteSequence("urn:s1", KeepMessages: true));

        Assert.Null(await Store.FindSequenceAsync("urn:s1"));
        Assert.Null(await Store.FindReplyAsync("urn:s1", 1));
        var kept = await Store.ReadMessagesAsync("urn:s1");
        Assert.Equal([(1UL, MessageState.Ready), (2UL, MessageState.Parked), (4UL, MessageState.Ready)], kept.Select(m => (m.Number, m.State)));
    }

    [Fact]
    public async Task Sequences_are_counted_in_all_and_per_client()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:a1", client: "a")), new SaveSequence(Sequence("urn:a2", client: "a")), new SaveSequence(Sequence("urn:b1", client: "b")));
        Assert.Equal(3, await Store.CountSequencesAsync());
        Assert.Equal(2, await Store.CountSequencesAsync("a"));
        Assert.Equal(0, await Store.CountSequencesAsync("c"));
    }

    [Fact]
    public async Task Concurrent_batches_share_commits()
    {
        long commits = 0, batches = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) => { if (i.Meter.Name == StoreMetrics.MeterName) l.EnableMeasurementEvents(i); };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) =>
        {
            if (!Tagged(tags, Store.Provider)) return;
            if (i.Name == "wsrm.store.commits") Interlocked.Add(ref commits, v);
            if (i.Name == "wsrm.store.batches") Interlocked.Add(ref batches, v);
        });
        listener.Start();

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() =>
            CommitAsync(new SaveSequence(Sequence($"urn:g{i}")), new AddMessage(Message($"urn:g{i}", 1))))));

        Assert.All(results, r => Assert.Equal(CommitResult.Committed, r));
        Assert.Equal(400, await Store.CountSequencesAsync());
        Assert.Equal(400, Interlocked.Read(ref batches));
        Assert.True(Interlocked.Read(ref commits) < 400, $"{commits} commits for 400 concurrent batches: no group commit.");
    }

    private static bool Tagged(ReadOnlySpan<KeyValuePair<string, object?>> tags, string provider)
    {
        foreach (var tag in tags)
            if (tag.Key == "wsrm.store.provider" && (string?)tag.Value == provider) return true;
        return false;
    }

    [Fact]
    public async Task A_conflicting_batch_in_a_group_fails_alone()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")));
        var v1 = (await Store.FindSequenceAsync("urn:s1"))!;

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => Store.CommitAsync(StoreBatch.Of(new SaveSequence(v1 with { Received = $"1-{i + 1}" }))))
                .Concat(Enumerable.Range(0, 20).Select(i => Store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence($"urn:other{i}")))))));

        Assert.Equal(1, results.Take(20).Count(r => r == CommitResult.Committed));
        Assert.All(results.Skip(20), r => Assert.Equal(CommitResult.Committed, r));
        Assert.Equal(2, (await Store.FindSequenceAsync("urn:s1"))!.Version);
    }

    [Fact]
    public async Task Committed_data_is_there_for_another_store_on_the_same_database()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)));
        await using var other = await ReopenAsync();
        Assert.NotNull(await other.FindSequenceAsync("urn:s1"));
        Assert.Single(await other.ReadMessagesAsync("urn:s1"));
    }

    [Fact]
    public async Task Claims_take_ready_due_messages_oldest_first_and_keep_ordered_sequences_in_order()
    {
        await CommitAsync(
            new SaveSequence(Sequence("urn:ord")), new SaveSequence(Sequence("urn:free", ordered: false)), new SaveSequence(Sequence("urn:elsewhere", endpoint: "/other")),
            new AddMessage(Message("urn:ord", 1)), new AddMessage(Message("urn:ord", 2)), new AddMessage(Message("urn:ord", 3)),
            new AddMessage(Message("urn:free", 1)), new AddMessage(Message("urn:free", 2)),
            new AddMessage(Message("urn:elsewhere", 1, "/other")));

        var first = await Store.ClaimMessagesAsync("/orders", 10, T0.AddMinutes(1), TimeSpan.FromMinutes(5));
        Assert.Equal(["urn:free#1", "urn:free#2", "urn:ord#1"], first.Select(Key).Order(StringComparer.Ordinal));
        Assert.All(first, m => Assert.Equal((MessageState.InProgress, T0.AddMinutes(6)), (m.State, m.LeaseUntil)));
        Assert.Empty(await Store.ClaimMessagesAsync("/orders", 10, T0.AddMinutes(2), TimeSpan.FromMinutes(5)));

        await CommitAsync(new RemoveMessage("urn:ord", 1));
        Assert.Equal(["urn:ord#2"], (await Store.ClaimMessagesAsync("/orders", 10, T0.AddMinutes(2), TimeSpan.FromMinutes(5))).Select(Key));
    }

    [Fact]
    public async Task A_message_waiting_for_a_retry_cycle_or_parked_does_not_hold_back_later_ones_and_an_expired_lease_is_taken_again()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:ord")), new AddMessage(Message("urn:ord", 1)), new AddMessage(Message("urn:ord", 2)),
            new AddMessage(Message("urn:ord", 3)));
        var one = (await Store.ClaimMessagesAsync("/orders", 1, T0, TimeSpan.FromMinutes(1))).Single();
        await CommitAsync(new UpdateMessage(one with { State = MessageState.Ready, NotBefore = T0.AddMinutes(30), Cycles = 1, LeaseUntil = null }));

        var two = (await Store.ClaimMessagesAsync("/orders", 5, T0, TimeSpan.FromMinutes(1))).Single();
        Assert.Equal(2UL, two.Number);
        await CommitAsync(new UpdateMessage(two with { State = MessageState.Parked, LeaseUntil = null }));
        Assert.Equal([3UL], (await Store.ClaimMessagesAsync("/orders", 5, T0, TimeSpan.FromMinutes(1))).Select(m => m.Number));

        // Message 3's consumer died: after its lease it is taken again; message 1 comes back when its cycle delay is over.
        Assert.Empty(await Store.ClaimMessagesAsync("/orders", 5, T0.AddSeconds(30), TimeSpan.FromMinutes(1)));
        Assert.Equal([3UL], (await Store.ClaimMessagesAsync("/orders", 5, T0.AddMinutes(2), TimeSpan.FromMinutes(1))).Select(m => m.Number));
        Assert.Equal([1UL], (await Store.ClaimMessagesAsync("/orders", 5, T0.AddMinutes(31), TimeSpan.FromMinutes(1))).Select(m => m.Number));
    }

    [Fact]
    public async Task Waiting_messages_are_not_claimed_until_released()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:ord")), new AddMessage(Message("urn:ord", 2) with { State = MessageState.Waiting }),
            new AddMessage(Message("urn:ord", 3) with { State = MessageState.Waiting }));
        Assert.Empty(await Store.ClaimMessagesAsync("/orders", 5, T0, TimeSpan.FromMinutes(1)));

        await CommitAsync(new AddMessage(Message("urn:ord", 1)), new ReleaseWaiting("urn:ord", 2));
        Assert.Equal([1UL], (await Store.ClaimMessagesAsync("/orders", 5, T0, TimeSpan.FromMinutes(1))).Select(m => m.Number));
        await CommitAsync(new RemoveMessage("urn:ord", 1));
        Assert.Equal([2UL], (await Store.ClaimMessagesAsync("/orders", 5, T0, TimeSpan.FromMinutes(1))).Select(m => m.Number));
        Assert.Equal(MessageState.Waiting, (await Store.Admin.FindMessageAsync("urn:ord", 3))!.State);
    }

    private static string Key(StoredMessage m) => $"{m.SequenceId}#{m.Number}";

    [Fact]
    public async Task Sequences_with_messages_and_inactive_sequences_are_found()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:busy")), new AddMessage(Message("urn:busy", 1)),
            new SaveSequence(Sequence("urn:idle") with { LastActivity = T0.AddMinutes(-20) }), new SaveSequence(Sequence("urn:fresh")));

        Assert.Equal(["urn:busy"], await Store.FindSequencesWithMessagesAsync("/orders"));
        Assert.Empty(await Store.FindSequencesWithMessagesAsync("/other"));
        Assert.Equal(["urn:idle"], (await Store.FindInactiveSequencesAsync(TimeSpan.FromMinutes(10), T0, 10)).Select(s => s.Id));
    }

    [Fact]
    public async Task The_transmission_queue_keeps_order_numbers_and_dead_letters()
    {
        await CommitAsync(new Enqueue(Outbox("q1", "a")), new Enqueue(Outbox("q1", "b", expires: T0.AddMinutes(1))), new Enqueue(Outbox("q2", "c")));
        var pending = await Store.ReadOutboxAsync("q1", 10);
        Assert.Equal(2, pending.Count);
        Assert.True(pending[0].Id < pending[1].Id);
        Assert.Equal((OutboxState.Pending, (string?)null, (ulong?)null), (pending[0].State, pending[0].SequenceId, pending[0].Number));
        Assert.Equal(Outbox("q1", "a").Body, pending[0].Body);

        await CommitAsync(new UpdateOutbox(pending[0] with { SequenceId = "urn:src", Number = 1, Attempts = 1 }));
        Assert.Equal(("urn:src", (ulong?)1, 1), (await Store.Admin.FindOutboxAsync(pending[0].Id)) is { } o ? (o.SequenceId!, o.Number, o.Attempts) : default);

        var expired = await Store.ExpireOutboxAsync("q1", T0.AddMinutes(2));
        Assert.Equal([pending[1].Id], expired.Select(e => e.Id));
        Assert.Equal(OutboxState.Dead, expired[0].State);
        Assert.Contains("TimeToLive", expired[0].DeadReason);
        Assert.Equal([pending[0].Id], (await Store.ReadOutboxAsync("q1", 10)).Select(e => e.Id));

        await CommitAsync(new RemoveOutbox([pending[0].Id]));
        Assert.Empty(await Store.ReadOutboxAsync("q1", 10));
        Assert.Single(await Store.ReadOutboxAsync("q2", 10));
    }

    [Fact]
    public async Task A_source_sequence_is_versioned_like_a_destination_one()
    {
        var created = new StoredSourceSequence { Queue = "q1", Id = "urn:src", Address = "http://x/y", RmNamespace = "ns", Created = T0 };
        Assert.Equal(CommitResult.Committed, await CommitAsync(new SaveSourceSequence(created)));
        Assert.Equal(CommitResult.Conflict, await CommitAsync(new SaveSourceSequence(created)));
        var v1 = (await Store.FindSourceSequenceAsync("q1"))!;
        Assert.Equal(created with { Version = 1 }, v1);

        Assert.Equal(CommitResult.Committed, await CommitAsync(new SaveSourceSequence(v1 with { LastNumber = 7 })));
        Assert.Equal(CommitResult.Conflict, await CommitAsync(new SaveSourceSequence(v1 with { LastNumber = 8 })));
        Assert.Equal(7UL, (await Store.FindSourceSequenceAsync("q1"))!.LastNumber);

        await CommitAsync(new DeleteSourceSequence("q1", "urn:src"));
        Assert.Null(await Store.FindSourceSequenceAsync("q1"));
    }

    [Fact]
    public async Task A_service_transaction_commits_its_work_with_the_batch_or_neither()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)), new AddMessage(Message("urn:s1", 2)),
            new AddMessage(Message("urn:s1", 3)));
        await using (var setup = await Store.BeginTransactionAsync())
        {
            await ExecuteAsync(setup, "CREATE TABLE app_notes (text VARCHAR(100) NOT NULL)");
            await setup.CommitAsync(new StoreBatch());
        }

        await using (var done = await Store.BeginTransactionAsync())
        {
            await ExecuteAsync(done, "INSERT INTO app_notes (text) VALUES ('one')");
            Assert.Equal(CommitResult.Committed, await done.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:s1", 1))));
        }
        await using (var abandoned = await Store.BeginTransactionAsync())
        {
            await ExecuteAsync(abandoned, "INSERT INTO app_notes (text) VALUES ('two')");
        }
        var stale = (await Store.FindSequenceAsync("urn:s1"))! with { Version = 99 };
        await using (var conflicting = await Store.BeginTransactionAsync())
        {
            await ExecuteAsync(conflicting, "INSERT INTO app_notes (text) VALUES ('three')");
            Assert.Equal(CommitResult.Conflict, await conflicting.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:s1", 3), new SaveSequence(stale))));
        }

        Assert.Equal([2UL, 3UL], (await Store.ReadMessagesAsync("urn:s1")).Select(m => m.Number));
        await using var check = await Store.BeginTransactionAsync();
        await using var count = check.Connection.CreateCommand();
        count.Transaction = check.Transaction;
        count.CommandText = "SELECT text FROM app_notes";
        Assert.Equal("one", await count.ExecuteScalarAsync());
        // Other writes wait for a service transaction, then go on.
        var waiting = Store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:after"))));
        await check.DisposeAsync();
        Assert.Equal(CommitResult.Committed, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_service_transaction_tells_the_database_failing_from_the_service_s_own_error()
    {
        await using var transaction = await Store.BeginTransactionAsync();
        // The service's own mistakes: a statement the database refuses, an exception of its own.
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(transaction, "INSERT INTO no_such_table (x) VALUES (1)"));
        Assert.False(transaction.IsStoreFailure(refused));
        Assert.False(transaction.IsStoreFailure(new InvalidOperationException("the service's bug")));
        // The store's: its contract's exception, however deep the service wrapped it.
        Assert.True(transaction.IsStoreFailure(new InvalidOperationException("wrapped", new StoreUnavailableException("down"))));
    }

    private static async Task ExecuteAsync(StoreTransaction transaction, string sql)
    {
        await using DbCommand command = transaction.Connection.CreateCommand();
        command.Transaction = transaction.Transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Poison_messages_are_listed_requeued_and_purged()
    {
        await CommitAsync(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)), new AddMessage(Message("urn:s1", 2)),
            new AddMessage(Message("urn:s1", 3)), new AddMessage(Message("urn:s1", 4)));
        var messages = await Store.ReadMessagesAsync("urn:s1");
        await CommitAsync(
            new UpdateMessage(messages[0] with { State = MessageState.Parked, Attempts = 6, Cycles = 2, LastError = "bad 1" }),
            new UpdateMessage(messages[1] with { State = MessageState.Rejected, LastError = "bad 2" }),
            new UpdateMessage(messages[2] with { State = MessageState.Faulted, LastError = "bad 3" }));

        var poison = await Store.Admin.ListPoisonAsync("/orders", 10);
        Assert.Equal([1UL, 2UL, 3UL], poison.Select(m => m.Number));
        Assert.Empty(await Store.Admin.ListPoisonAsync("/other", 10));
        Assert.Equal("bad 1", (await Store.Admin.FindMessageAsync("urn:s1", 1))!.LastError);

        Assert.True(await Store.Admin.RequeuePoisonAsync("urn:s1", 1));
        Assert.False(await Store.Admin.RequeuePoisonAsync("urn:s1", 4));
        var requeued = (await Store.Admin.FindMessageAsync("urn:s1", 1))!;
        Assert.Equal((MessageState.Ready, 0, 0, (DateTimeOffset?)null), (requeued.State, requeued.Attempts, requeued.Cycles, requeued.NotBefore));

        Assert.Equal(1, await Store.Admin.PurgePoisonAsync(null, "urn:s1", 2));
        Assert.Equal(1, await Store.Admin.PurgePoisonAsync("/orders", null, null));
        Assert.Equal([1UL, 4UL], (await Store.ReadMessagesAsync("urn:s1")).Select(m => m.Number));
    }

    [Fact]
    public async Task Dead_letters_are_listed_requeued_and_purged_and_every_queue_has_a_depth()
    {
        await CommitAsync(new Enqueue(Outbox("q1", "a", expires: T0)), new Enqueue(Outbox("q1", "b", expires: T0)), new Enqueue(Outbox("q1", "c")),
            new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)));
        var dead = await Store.ExpireOutboxAsync("q1", T0.AddSeconds(1));
        Assert.Equal(2, dead.Count);
        Assert.Equal(dead.Select(d => d.Id), (await Store.Admin.ListDeadLettersAsync("q1", 10)).Select(d => d.Id));

        Assert.True(await Store.Admin.RequeueDeadLetterAsync(dead[0].Id, TimeSpan.FromHours(1), T0.AddMinutes(5)));
        var back = (await Store.Admin.FindOutboxAsync(dead[0].Id))!;
        Assert.Equal((OutboxState.Pending, (string?)null, T0.AddMinutes(65)), (back.State, back.DeadReason, back.ExpiresAt!.Value));
        Assert.Equal(1, await Store.Admin.PurgeDeadLettersAsync("q1", null));

        var depths = await Store.Admin.GetQueueDepthsAsync();
        Assert.Contains(new QueueDepth(QueueKind.Transmission, "q1", 2, T0), depths);
        Assert.Contains(new QueueDepth(QueueKind.Target, "/orders", 1, T0.AddSeconds(1)), depths);
        Assert.DoesNotContain(depths, d => d.Kind == QueueKind.DeadLetter);
    }
}
