using WsRm.Server.Tests.Stores;
using WsRm.Testing.PostgreSql;

namespace WsRm.Server.Tests.Queues;

/// <summary><see cref="QueueSequenceEndTests"/> on PostgreSQL, a database of its own per test on a throwaway server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlQueueSequenceEndTests(PostgreSqlServer server) : QueueSequenceEndTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => StoreUnderTest.PostgreSqlAsync(server);
}
