using WsRm.Server.Tests.Stores;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Queues;

/// <summary><see cref="QueueTests"/> on PostgreSQL, a database of its own per test on a throwaway server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlQueueTests(PostgreSqlServer server) : QueueTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => StoreUnderTest.PostgreSqlAsync(server);
}
