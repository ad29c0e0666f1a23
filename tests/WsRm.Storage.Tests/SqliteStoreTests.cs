using Microsoft.Data.Sqlite;
using WsRm.Storage.Sqlite;

namespace WsRm.Storage.Tests;

/// <summary>The conformance tests on the embedded SQLite store, a new database file per test.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wsrm-store-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file}";

    protected override async Task<IWsRmStore> CreateStoreAsync()
    {
        var store = new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = ConnectionString });
        await store.InitializeAsync();
        return store;
    }

    protected override Task<IWsRmStore> ReopenAsync() => CreateStoreAsync();

    protected override Task<IWsRmStore> ReopenUninitializedAsync() =>
        Task.FromResult<IWsRmStore>(new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = ConnectionString }));

    protected override Task<IWsRmStore> ReopenWithoutMigratingAsync() =>
        Task.FromResult<IWsRmStore>(new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = ConnectionString, MigrateSchema = false }));

    [Fact]
    public async Task Without_migrating_a_database_with_no_schema_is_refused_and_gets_no_tables()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"wsrm-empty-{Guid.NewGuid():N}.db");
        File.WriteAllBytes(empty, []);
        try
        {
            await using (var store = new SqliteWsRmStore(new SqliteStoreOptions { ConnectionString = $"Data Source={empty}", MigrateSchema = false }))
                await Assert.ThrowsAsync<StoreSchemaException>(() => store.InitializeAsync());
            await using var connection = new SqliteConnection($"Data Source={empty};Pooling=False");
            await connection.OpenAsync();
            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master";
            Assert.Equal(0L, await tables.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(empty + suffix)) File.Delete(empty + suffix);
        }
    }

    protected override async Task SetSchemaVersionAsync(int version)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE wsrm_schema SET version = {version}";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Check_fails_once_the_file_is_gone_and_does_not_make_a_new_one()
    {
        await Store.CommitAsync(StoreBatch.Of(new SaveSequence(StoreTestData.Sequence("urn:s1"))));
        Assert.Equal(1, await Store.CountSequencesAsync()); // a pooled reader stays open on the file

        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => Store.Admin.CheckAsync());
        Assert.Contains("unable to open database file", e.Message);
        Assert.False(File.Exists(_file));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_file + suffix)) File.Delete(_file + suffix);
    }
}
