using WsRm.Server.Tests.Stores;

namespace WsRm.Server.Tests.Queues;

/// <summary><see cref="QueueTests"/> on SQLite, the embedded default.</summary>
public sealed class SqliteQueueTests : QueueTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(StoreUnderTest.Sqlite());
}
