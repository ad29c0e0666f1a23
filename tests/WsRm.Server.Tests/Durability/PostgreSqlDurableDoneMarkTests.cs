using WsRm.Server.Tests.Stores;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Durability;

/// <summary><see cref="DurableDoneMarkTests"/> on PostgreSQL, a database of its own per test on a throwaway server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDurableDoneMarkTests(PostgreSqlServer server) : DurableDoneMarkTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => StoreUnderTest.PostgreSqlAsync(server);
}
