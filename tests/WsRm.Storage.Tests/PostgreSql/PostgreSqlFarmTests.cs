using WsRm.Testing.PostgreSql;
using System.Collections.Concurrent;
using System.Diagnostics;
using WsRm.Storage.PostgreSql;
using static WsRm.Storage.Tests.StoreTestData;

namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>
/// Several servers on one database: each store instance here has its own connection pool, as a server process would,
/// so they meet only in PostgreSQL (row locks, unique keys, version checks, advisory locks).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlFarmTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly List<PostgreSqlWsRmStore> _stores = [];
    private string _database = "";

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        await server.DropDatabaseAsync(_database);
    }

    private async Task<PostgreSqlWsRmStore[]> ServersAsync(int count, bool initialize = true, string settings = "")
    {
        var stores = Enumerable.Range(0, count)
            .Select(_ => new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = _database + settings, Clock = PostgreSqlClock.Application }))
            .ToArray();
        _stores.AddRange(stores);
        if (initialize) foreach (var store in stores) await store.InitializeAsync();
        return stores;
    }

    [Fact]
    public async Task Servers_starting_together_create_the_schema_once()
    {
        var stores = await ServersAsync(6, initialize: false);
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync()))).WaitAsync(Bound);

        Assert.Equal(1L, await PostgreSqlServer.ScalarAsync(_database, "SELECT count(*) FROM wsrm_schema WHERE version = 1"));
        Assert.Equal(CommitResult.Committed, await stores[0].CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:s1")))));
        Assert.NotNull(await stores[5].FindSequenceAsync("urn:s1"));
    }

    [Fact]
    public async Task Of_two_servers_changing_or_creating_the_same_row_one_commits_and_the_other_conflicts()
    {
        var (a, b) = await ServersAsync(2) is var s ? (s[0], s[1]) : default;
        for (var round = 0; round < 20; round++)
        {
            var id = $"urn:s{round}";
            var created = await Task.WhenAll(a.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence(id)))), b.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence(id)))));
            Assert.Equal([CommitResult.Committed, CommitResult.Conflict], created.Order());

            var read = (await a.FindSequenceAsync(id))!;
            var changed = await Task.WhenAll(
                a.CommitAsync(StoreBatch.Of(new SaveSequence(read with { Received = "1-1" }), new AddMessage(Message(id, 1)))),
                b.CommitAsync(StoreBatch.Of(new SaveSequence(read with { Received = "1-2" }), new AddMessage(Message(id, 2)))));
            Assert.Equal([CommitResult.Committed, CommitResult.Conflict], changed.Order());
            var after = (await b.FindSequenceAsync(id))!;
            Assert.Equal(2, after.Version);
            // The loser's message went with its sequence update: all or nothing.
            Assert.Equal(after.Received == "1-1" ? [1UL] : [2UL], (await b.ReadMessagesAsync(id)).Select(m => m.Number));
        }
    }

    [Fact]
    public async Task Claimers_on_several_servers_take_each_message_once_and_an_ordered_sequence_in_order()
    {
        var stores = await ServersAsync(4);
        var setup = new StoreBatch().Add(new SaveSequence(Sequence("urn:free", ordered: false)));
        for (ulong n = 1; n <= 40; n++) setup.Add(new AddMessage(Message("urn:free", n, received: T0.AddMilliseconds((double)n))));
        foreach (var id in new[] { "urn:o1", "urn:o2", "urn:o3" })
        {
            setup.Add(new SaveSequence(Sequence(id)));
            for (ulong n = 1; n <= 20; n++) setup.Add(new AddMessage(Message(id, n, received: T0.AddMilliseconds((double)n))));
        }
        Assert.Equal(CommitResult.Committed, await stores[0].CommitAsync(setup));

        var claims = new ConcurrentDictionary<string, int>();
        var orders = new Dictionary<string, List<ulong>> { ["urn:o1"] = [], ["urn:o2"] = [], ["urn:o3"] = [] };
        var done = 0;
        var clock = Stopwatch.StartNew();
        async Task ClaimLoopAsync(PostgreSqlWsRmStore store)
        {
            while (Volatile.Read(ref done) < 100 && clock.Elapsed < Bound)
            {
                foreach (var m in await store.ClaimMessagesAsync("/orders", 3, T0.AddMinutes(1), TimeSpan.FromMinutes(30)))
                {
                    claims.AddOrUpdate($"{m.SequenceId}#{m.Number}", 1, (_, c) => c + 1);
                    if (orders.TryGetValue(m.SequenceId, out var order)) lock (order) order.Add(m.Number);
                    Assert.Equal(CommitResult.Committed, await store.CommitAsync(StoreBatch.Of(new RemoveMessage(m.SequenceId, m.Number))));
                    Interlocked.Increment(ref done);
                }
            }
        }
        await Task.WhenAll(stores.Concat(stores).Select(s => Task.Run(() => ClaimLoopAsync(s)))).WaitAsync(Bound + Bound);

        Assert.Equal(100, done);
        Assert.Equal(100, claims.Count);
        Assert.All(claims, c => Assert.Equal(1, c.Value));
        // A claim of message n is recorded before its removal commits, and n + 1 is claimable only after that.
        Assert.All(orders.Values, order => Assert.Equal(Enumerable.Range(1, 20).Select(n => (ulong)n), order));
    }

    [Fact]
    public async Task Groups_of_two_servers_that_deadlock_are_written_again_and_both_commit()
    {
        // The deadlock is found by the session whose deadlock_timeout runs out first while it waits: B's (5 s), not A's.
        var a = (await ServersAsync(1))[0];
        var b = (await ServersAsync(1, settings: ";Options=-c deadlock_timeout=5s"))[0];
        await a.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)), new AddMessage(Message("urn:s1", 2))));
        var messages = await a.ReadMessagesAsync("urn:s1");

        // Server A's service transaction locks message 1; server B's group locks message 2 and waits for message 1;
        // then A asks for message 2. PostgreSQL breaks the cycle by failing B's group, which B writes again.
        await using var service = await a.BeginTransactionAsync();
        await using (var lockOne = service.Connection.CreateCommand())
        {
            lockOne.Transaction = service.Transaction;
            lockOne.CommandText = "SET LOCAL deadlock_timeout = '120s'; UPDATE wsrm_messages SET attempts = 5 WHERE sequence_id = 'urn:s1' AND number = 1";
            await lockOne.ExecuteNonQueryAsync();
        }
        var group = b.CommitAsync(StoreBatch.Of(new UpdateMessage(messages[1] with { LastError = "b" }), new UpdateMessage(messages[0] with { LastError = "b" })));
        await WaitForLockWaitAsync();
        var serviceCommit = service.CommitAsync(StoreBatch.Of(new UpdateMessage(messages[1] with { Attempts = 5, LastError = "a" })));

        Assert.Equal(CommitResult.Committed, await serviceCommit.WaitAsync(Bound));
        Assert.Equal(CommitResult.Committed, await group.WaitAsync(Bound));
        var after = await a.ReadMessagesAsync("urn:s1");
        Assert.Equal(("b", "b"), (after[0].LastError, after[1].LastError));
    }

    // Until a session of this database waits for a row lock (polling the server's own view, not the clock).
    private async Task WaitForLockWaitAsync()
    {
        var clock = Stopwatch.StartNew();
        while ((long)(await PostgreSqlServer.ScalarAsync(_database,
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))! == 0)
        {
            Assert.True(clock.Elapsed < Bound, "No session started waiting for the lock.");
            await Task.Delay(20);
        }
    }
}
