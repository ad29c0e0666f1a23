namespace WsRm.Cli.Tests.Commands;

/// <summary><see cref="QueuesCommandTests"/> on SQLite, <c>wsrm</c>'s default store.</summary>
public sealed class SqliteQueuesCommandTests : QueuesCommandTests
{
    protected override Task<TestStore> CreateStoreAsync() => TestStore.CreateAsync();
}
