using WsRm.Testing.PostgreSql;
using Npgsql;
using WsRm.Storage.PostgreSql;
using static WsRm.Storage.Tests.StoreTestData;

namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>
/// A service transaction is a plain Npgsql connection and transaction of its own: service code uses
/// <see cref="NpgsqlCommand"/>s on it, and nothing else waits for it (PostgreSQL has no single writer).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlServiceTransactionTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private string _database = "";
    private PostgreSqlWsRmStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _store = new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = _database, Clock = PostgreSqlClock.Application });
        await _store.InitializeAsync();
        await PostgreSqlServer.ExecuteAsync(_database, "CREATE TABLE app_orders (id bigint PRIMARY KEY)");
        await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:s1")), new AddMessage(Message("urn:s1", 1)), new AddMessage(Message("urn:s1", 2))));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await server.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task Service_transactions_run_beside_each_other_and_beside_group_commits()
    {
        await using var first = await _store.BeginTransactionAsync();
        await InsertOrderAsync(first, 1);
        await using var second = await _store.BeginTransactionAsync().WaitAsync(Bound);
        await InsertOrderAsync(second, 2);
        Assert.NotSame(first.Connection, second.Connection);

        // Group commits and claims go on while both are open.
        Assert.Equal(CommitResult.Committed, await _store.CommitAsync(StoreBatch.Of(new SaveSequence(Sequence("urn:s2")))).WaitAsync(Bound));
        Assert.Equal([1UL], (await _store.ClaimMessagesAsync("/orders", 10, T0.AddMinutes(1), TimeSpan.FromMinutes(5)).WaitAsync(Bound)).Select(m => m.Number));

        Assert.Equal(CommitResult.Committed, await second.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:s1", 2))));
        Assert.Equal(CommitResult.Committed, await first.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:s1", 1))));
        Assert.Equal(2L, await PostgreSqlServer.ScalarAsync(_database, "SELECT count(*) FROM app_orders"));
        Assert.Empty(await _store.ReadMessagesAsync("urn:s1"));
    }

    [Fact]
    public async Task A_conflict_rolls_back_the_service_work_and_an_error_in_it_is_the_service_own()
    {
        var stale = (await _store.FindSequenceAsync("urn:s1"))! with { Version = 7 };
        await using (var conflicting = await _store.BeginTransactionAsync())
        {
            await InsertOrderAsync(conflicting, 1);
            Assert.Equal(CommitResult.Conflict, await conflicting.CommitAsync(StoreBatch.Of(new RemoveMessage("urn:s1", 1), new SaveSequence(stale))));
        }
        await using (var failing = await _store.BeginTransactionAsync())
        {
            await InsertOrderAsync(failing, 1);
            await Assert.ThrowsAsync<PostgresException>(() => InsertOrderAsync(failing, 1));
        }

        Assert.Equal(0L, await PostgreSqlServer.ScalarAsync(_database, "SELECT count(*) FROM app_orders"));
        Assert.Equal([1UL, 2UL], (await _store.ReadMessagesAsync("urn:s1")).Select(m => m.Number));
    }

    private static async Task InsertOrderAsync(StoreTransaction transaction, long id)
    {
        await using var command = new NpgsqlCommand("INSERT INTO app_orders (id) VALUES (@id)", (NpgsqlConnection)transaction.Connection, (NpgsqlTransaction)transaction.Transaction);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync().WaitAsync(Bound);
    }
}
