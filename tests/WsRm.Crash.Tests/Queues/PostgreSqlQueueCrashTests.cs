using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Queues;

/// <summary><see cref="QueueCrashTests"/> on PostgreSQL, a database of its own per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlQueueCrashTests(PostgreSqlServer server, ITestOutputHelper output) : QueueCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreatePostgreSqlAsync(server);
}
