using WsRm.Crash.Tests.Infrastructure;

namespace WsRm.Crash.Tests.Durable;

/// <summary><see cref="WcfDurableSessionCrashTests"/> on SQLite, the sample host's default store.</summary>
public sealed class SqliteWcfDurableSessionCrashTests(ITestOutputHelper output) : WcfDurableSessionCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreateSqliteAsync();
}
