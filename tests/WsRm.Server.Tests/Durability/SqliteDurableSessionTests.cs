using WsRm.Server.Tests.Stores;

namespace WsRm.Server.Tests.Durability;

/// <summary><see cref="DurableSessionTests"/> on SQLite, the embedded default.</summary>
public sealed class SqliteDurableSessionTests : DurableSessionTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(StoreUnderTest.Sqlite());
}
