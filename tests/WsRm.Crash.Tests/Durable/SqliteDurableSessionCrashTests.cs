using WsRm.Crash.Tests.Infrastructure;

namespace WsRm.Crash.Tests.Durable;

/// <summary><see cref="DurableSessionCrashTests"/> on SQLite, the sample host's default store.</summary>
public sealed class SqliteDurableSessionCrashTests(ITestOutputHelper output) : DurableSessionCrashTests(output)
{
    protected override Task<CrashStore> CreateStoreAsync() => CrashStore.CreateSqliteAsync();
}
