using WsRm.Testing.PostgreSql;
using WsRm.Storage.PostgreSql;

namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>
/// The conformance tests on a real PostgreSQL server, a new database per test, with the application's clock (the tests
/// pass fixed times; <see cref="PostgreSqlDatabaseClockTests"/> covers the database's).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlServer server) : StoreConformanceTests
{
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("No database yet.");

    protected override async Task<IWsRmStore> CreateStoreAsync()
    {
        _connectionString ??= await server.CreateDatabaseAsync();
        var store = NewStore();
        await store.InitializeAsync();
        return store;
    }

    protected override Task<IWsRmStore> ReopenAsync() => CreateStoreAsync();

    protected override Task<IWsRmStore> ReopenUninitializedAsync() => Task.FromResult<IWsRmStore>(NewStore());

    protected override Task<IWsRmStore> ReopenWithoutMigratingAsync() => Task.FromResult<IWsRmStore>(
        new PostgreSqlWsRmStore(new PostgreSqlStoreOptions { ConnectionString = ConnectionString, Clock = PostgreSqlClock.Application, MigrateSchema = false }));

    protected override Task SetSchemaVersionAsync(int version) =>
        PostgreSqlServer.ExecuteAsync(ConnectionString, $"UPDATE wsrm_schema SET version = {version}");

    private PostgreSqlWsRmStore NewStore() =>
        new(new PostgreSqlStoreOptions { ConnectionString = ConnectionString, Clock = PostgreSqlClock.Application });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null) await server.DropDatabaseAsync(_connectionString);
    }
}
