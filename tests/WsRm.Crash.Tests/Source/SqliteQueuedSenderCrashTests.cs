using WsRm.Crash.Tests.Infrastructure;

namespace WsRm.Crash.Tests.Source;

/// <summary><see cref="QueuedSenderCrashTests"/> with the sender's transmission queue in a SQLite file, the sample's default.</summary>
public sealed class SqliteQueuedSenderCrashTests(ITestOutputHelper output) : QueuedSenderCrashTests(output)
{
    protected override Task<CrashStore> CreateOutboxAsync() => CrashStore.CreateSqliteAsync();
}
