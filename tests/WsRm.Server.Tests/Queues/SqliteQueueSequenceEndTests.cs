using WsRm.Server.Tests.Stores;

namespace WsRm.Server.Tests.Queues;

/// <summary><see cref="QueueSequenceEndTests"/> on SQLite, the embedded default.</summary>
public sealed class SqliteQueueSequenceEndTests : QueueSequenceEndTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult(StoreUnderTest.Sqlite());
}
