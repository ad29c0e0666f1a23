using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Durable;

/// <summary><see cref="WcfDurableSessionCrashTests"/> on PostgreSQL, a database of its own per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWcfDurableSessionCrashTests(PostgreSqlServer server, ITestOutputHelper output) : WcfDurableSessionCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreatePostgreSqlAsync(server);
}
