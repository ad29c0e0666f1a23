using WsRm.Crash.Tests.Infrastructure;
using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests.Source;

/// <summary><see cref="QueuedSenderCrashTests"/> with the sender's transmission queue on PostgreSQL, a database of its own per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlQueuedSenderCrashTests(PostgreSqlServer server, ITestOutputHelper output) : QueuedSenderCrashTests(output)
{
    protected override Task<CrashStore> CreateOutboxAsync() => CrashStore.CreatePostgreSqlAsync(server);
}
