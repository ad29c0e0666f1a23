using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WsRm.Host.Services;
using WsRm.Server.Tests.Harness;
using WsRm.Server.Tests.Stores;
using WsRm.Storage;

namespace WsRm.Server.Tests.Durability;

/// <summary>
/// Durable reliable sessions (the sample host's <c>/durable/echo</c>) on the raw wire: what a session accepted,
/// delivered and answered is in the store, so a new server process on the same store goes on with the session. On
/// SQLite and PostgreSQL (one subclass each).
/// </summary>
public abstract class DurableSessionTests : IAsyncLifetime
{
    private const string Path = "/durable/echo";
    private StoreUnderTest _database = null!;

    /// <summary>An empty store of the provider under test.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _database = await CreateStoreAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory, WireMatrix]
    public async Task A_session_goes_on_in_a_new_server_on_the_same_store(RmSpec rm, SoapSpec soap)
    {
        var wire = new Wire(rm, soap);
        RmSession session;
        WireResponse firstReply;
        await using (var before = new EchoHost(_database))
        {
            session = await RmSession.CreateAsync(before.Wire, wire, Path);
            Assert.Equal("1-1", (await session.PostAsync(1, "durable-a")).AckFor(session.Id).RangeText);
            firstReply = await session.EchoOkAsync(2, "before the restart");
            Assert.Equal(["durable-a"], await session.ReceivedAsync(3, "durable-"));
        }

        await using var after = new EchoHost(_database);
        var resumed = RmSession.Attach(after.Wire, wire, Path, session.Id, session.OfferId);

        // A retransmission of a message from before is recognised and not run again; a retransmitted request gets the
        // reply it got before (the same reply number); numbering goes on.
        Assert.Equal("1-3", (await resumed.PostAsync(1, "durable-a")).AckFor(session.Id).RangeText);
        var again = await resumed.EchoOkAsync(2, "before the restart");
        Assert.Equal(firstReply.Sequence!.MessageNumber, again.Sequence!.MessageNumber);
        Assert.Equal("1-4", (await resumed.PostAsync(4, "durable-b")).AckFor(session.Id).RangeText);
        var next = await resumed.EchoOkAsync(5, "after the restart");
        Assert.Equal(firstReply.Sequence.MessageNumber + 2, next.Sequence!.MessageNumber);
        Assert.Equal(["durable-a", "durable-b"], await resumed.ReceivedAsync(6, "durable-"));
        (await resumed.TerminateAsync(lastMsgNumber: 6)).AssertOk();
        FaultAssert.RmHeaderFault(await resumed.PostAsync(7, "durable-c"), wire, "UnknownSequence", session.Id);
    }

    [Fact]
    public async Task Messages_acknowledged_but_not_delivered_before_a_crash_are_delivered_when_the_server_starts_again()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        string id;
        await using (var before = new EchoHost(_database))
        {
            var session = await RmSession.CreateAsync(before.Wire, wire, Path);
            id = session.Id;
            await session.PostAsync(1, "crash-a");
            Assert.Equal(["crash-a"], await session.ReceivedAsync(2, "crash-"));
            // What a crash between acknowledgement and delivery leaves: messages 3 and 4 accepted, not delivered.
            var store = before.Services.GetRequiredService<IWsRmStore>();
            var stored = (await store.FindSequenceAsync(id))!;
            Assert.Equal(CommitResult.Committed, await store.CommitAsync(StoreBatch.Of(
                new SaveSequence(stored with { Received = "1-4" }),
                new AddMessage(StoredPost(id, 3, "crash-c", wire)), new AddMessage(StoredPost(id, 4, "crash-d", wire)))));
        }

        await using var after = new EchoHost(_database);
        var texts = after.Services.GetRequiredService<IPostedTexts>();
        await WaitForAsync(() => texts.StartingWith("crash-").Length == 3);
        Assert.Equal(["crash-a", "crash-c", "crash-d"], texts.StartingWith("crash-"));
        var resumed = RmSession.Attach(after.Wire, wire, Path, id, null);
        Assert.Equal("1-5", (await resumed.PostAsync(5, "crash-e")).AckFor(id).RangeText);
    }

    [Fact]
    public async Task Messages_recovered_behind_a_gap_the_source_never_fills_are_delivered_when_the_sequence_expires()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        string id;
        await using (var before = new EchoHost(_database))
        {
            var session = await RmSession.CreateAsync(before.Wire, wire, Path);
            id = session.Id;
            await session.PostAsync(1, "gap-a");
            Assert.Equal(["gap-a"], await session.ReceivedAsync(2, "gap-"));
            // What a crash leaves when message 3 was lost on the way and 4 and 5 were accepted behind it (acknowledged,
            // so the source, e.g. a WCF client that faulted while the server was down, counts them as sent). A durable
            // session keeps them ready (ordered delivery holds them in memory), unlike a target queue.
            var store = before.Services.GetRequiredService<IWsRmStore>();
            var stored = (await store.FindSequenceAsync(id))!;
            Assert.Equal(CommitResult.Committed, await store.CommitAsync(StoreBatch.Of(
                new SaveSequence(stored with { Received = "1-2,4-5" }),
                new AddMessage(StoredPost(id, 4, "gap-d", wire)),
                new AddMessage(StoredPost(id, 5, "gap-e", wire) with { State = MessageState.Waiting }))));
        }

        await using var after = new EchoHost(_database);
        var texts = after.Services.GetRequiredService<IPostedTexts>();
        var manager = after.Services.GetRequiredService<WsRm.Server.Sequences.SequenceManager>();
        await WaitForAsync(() => manager.Count == 1);
        Assert.Equal(["gap-a"], texts.StartingWith("gap-"));

        // The source never comes back: at expiry what was acknowledged is delivered in number order, past the gap
        // (IncompleteSequenceBehavior NoDiscard), and the sequence is gone.
        after.Time.Advance(TimeSpan.FromMinutes(11));
        await WaitForAsync(() => texts.StartingWith("gap-").Length == 3);
        Assert.Equal(["gap-a", "gap-d", "gap-e"], texts.StartingWith("gap-"));
        await WaitForAsync(() => manager.Count == 0);
        FaultAssert.RmHeaderFault(await RmSession.Attach(after.Wire, wire, Path, id, null).PostAsync(3, "gap-c"), wire, "UnknownSequence", id);
    }

    [Fact]
    public async Task An_expired_sequence_still_draining_is_not_loaded_again_by_a_late_message_or_the_next_sweep()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var posted = new GatedPostedTexts("drain-c");
        await using var host = new EchoHost(_database) { ExtraServices = s => s.AddSingleton<IPostedTexts>(posted) };
        var store = host.Services.GetRequiredService<IWsRmStore>();
        var session = await RmSession.CreateAsync(host.Wire, wire, Path);
        await session.PostAsync(1, "drain-a");
        Assert.Equal("1-1,3-3", (await session.PostAsync(3, "drain-c")).AckFor(session.Id).RangeText);
        Assert.Equal("1-1,3-4", (await session.PostAsync(4, "drain-d")).AckFor(session.Id).RangeText);

        // Expired: 3 and 4 are delivered past the missing 2, and the service blocks on 3, so the sequence is draining.
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await posted.Blocked.Task.Within();
        Assert.Equal(SequenceStatus.Terminated, (await store.FindSequenceAsync(session.Id))!.Status);

        // Neither the missing message arriving late nor another sweep brings the sequence back from the store (a second
        // live copy would deliver 3 and 4 again).
        FaultAssert.RmHeaderFault(await session.PostAsync(2, "drain-b"), wire, "UnknownSequence", session.Id);
        host.Time.Advance(TimeSpan.FromMinutes(11));
        posted.Open();
        await WaitForAsync(() => posted.StartingWith("drain-").Length >= 3);
        await WaitForAsync(async () => await store.FindSequenceAsync(session.Id) is null);
        Assert.Equal(["drain-a", "drain-c", "drain-d"], posted.StartingWith("drain-"));
    }

    [Fact]
    public async Task A_one_way_service_that_fails_after_writing_in_the_store_transaction_leaves_none_of_its_writes()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await using var host = new EchoHost(_database)
        {
            ExtraServices = s => s.AddSingleton<IPostedTexts>(sp => new FailingPostedTexts("rollback-b", ActivatorUtilities.CreateInstance<StoredPostedTexts>(sp))),
        };
        var store = host.Services.GetRequiredService<IWsRmStore>();
        var session = await RmSession.CreateAsync(host.Wire, wire, Path);
        await session.PostAsync(1, "rollback-a");
        await session.PostAsync(2, "rollback-b");
        await session.PostAsync(3, "rollback-c");

        // A one-way failure is logged, not sent (the session goes on) and its message is done; what the service wrote
        // in the store's transaction before it threw is rolled back with it, as a request-reply operation's is.
        Assert.Equal(["rollback-a", "rollback-c"], await session.ReceivedAsync(4, "rollback-"));
        await WaitForAsync(async () => (await store.ReadMessagesAsync(session.Id)).Count == 0);
    }

    [Fact]
    public async Task An_answer_held_when_a_store_failure_ends_the_session_in_memory_is_503_not_its_final_acknowledgement()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await using var host = new EchoHost(_database, ("WsRm:MaxTransferWindowSize", "1"))
        {
            ExtraServices = s => s.AddSingleton<IPostedTexts>(sp =>
            {
                var failing = new StoreFailingPostedTexts("held-a", ActivatorUtilities.CreateInstance<StoredPostedTexts>(sp));
                return new GatedPostedTexts("held-a", failing);
            }),
        };
        var gate = (GatedPostedTexts)host.Services.GetRequiredService<IPostedTexts>();
        var session = await RmSession.CreateAsync(host.Wire, wire, Path);
        (await session.PostAsync(1, "held-a")).AssertOk();
        await gate.Blocked.Task.Within();
        // Message 1 is being delivered, message 2 fills the one-place buffer: its answer waits for room. Stored means
        // this session accepted it (sent later, it would meet the session read again after the failure, and rightly
        // get its acknowledgement).
        var held = session.PostAsync(2, "held-b");
        var store = host.Services.GetRequiredService<IWsRmStore>();
        await WaitForAsync(async () => (await store.ReadMessagesAsync(session.Id)).Any(m => m.Number == 2));

        // Message 1 meets a store failure: the session leaves memory, terminated there only. The held answer must not
        // carry that ended sequence's final acknowledgement (the source would end its own sequence): 503 instead.
        gate.Open();
        var answer = await held.Within();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);

        // Read again from the store: both delivered once, and the retransmission of 2 is acknowledged, not final.
        await host.UntilResumedAsync(() => gate.StartingWith("held-").Length >= 2, "both messages delivered after the store failure");
        var again = (await session.PostAsync(2, "held-b")).AckFor(session.Id);
        Assert.Equal(("1-2", false), (again.RangeText, again.Final));
        Assert.Equal(["held-a", "held-b"], gate.StartingWith("held-"));
    }

    [Fact]
    public async Task Idle_durable_sequences_leave_memory_and_come_back_on_their_next_message()
    {
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await using var host = new EchoHost(_database, ("WsRm:MaxPendingChannels", "200000"), ("WsRm:InactivityTimeout", "01:00:00"));
        var store = host.Services.GetRequiredService<IWsRmStore>();
        var session = await RmSession.CreateAsync(host.Wire, wire, Path);
        await session.PostAsync(1, "idle-a");
        var template = (await store.FindSequenceAsync(session.Id))!;
        for (var start = 0; start < 100_000; start += 5_000)
        {
            var batch = new StoreBatch();
            for (var i = start; i < start + 5_000; i++)
                batch.Add(new SaveSequence(template with { Id = $"urn:idle:{i}", ReplyId = null, Version = 0 }));
            Assert.Equal(CommitResult.Committed, await store.CommitAsync(batch));
        }
        Assert.Equal(100_001, await store.CountSequencesAsync());

        var manager = host.Services.GetRequiredService<WsRm.Server.Sequences.SequenceManager>();
        Assert.Equal(1, manager.Count);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await WaitForAsync(() => manager.Count == 0);

        var idle = RmSession.Attach(host.Wire, wire, Path, "urn:idle:77777", null);
        Assert.Equal("1-1", (await idle.PostAsync(1, "idle-b")).AckFor("urn:idle:77777").RangeText);
        Assert.Equal("1-2", (await session.PostAsync(2, "idle-c")).AckFor(session.Id).RangeText);
        Assert.Equal(2, manager.Count);
    }

    private static StoredMessage StoredPost(string id, ulong number, string text, Wire wire) => new()
    {
        SequenceId = id,
        Number = number,
        Endpoint = Path,
        Action = Ns.PostAction,
        Envelope = System.Text.Encoding.UTF8.GetBytes(Messages.Post(wire, "http://localhost" + Path, id, number, text).Build()),
        Received = DateTimeOffset.UnixEpoch,
    };

    // Delivery after a start runs with no request to wait on: poll its visible effect, bounded.
    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Bounded.Long;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition never held.");
            await Task.Delay(20);
        }
    }
}
