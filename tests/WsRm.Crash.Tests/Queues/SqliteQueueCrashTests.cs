using WsRm.Crash.Tests.Infrastructure;

namespace WsRm.Crash.Tests.Queues;

/// <summary><see cref="QueueCrashTests"/> on SQLite, the sample host's default store.</summary>
public sealed class SqliteQueueCrashTests(ITestOutputHelper output) : QueueCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreateSqliteAsync();
}
