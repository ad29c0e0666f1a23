using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Durable;

/// <summary><see cref="DurableSessionCrashTests"/> on PostgreSQL, a database of its own per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDurableSessionCrashTests(PostgreSqlServer server, ITestOutputHelper output) : DurableSessionCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreatePostgreSqlAsync(server);
}
