using WsRm.Server.Tests.Stores;

namespace WsRm.Server.Tests.Durability;

/// <summary><see cref="DurableDoneMarkTests"/> on SQLite, the embedded default.</summary>
public sealed class SqliteDurableDoneMarkTests : DurableDoneMarkTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(StoreUnderTest.Sqlite());
}
