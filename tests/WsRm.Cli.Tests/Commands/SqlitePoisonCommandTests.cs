namespace WsRm.Cli.Tests.Commands;

/// <summary><see cref="PoisonCommandTests"/> on SQLite, <c>wsrm</c>'s default store.</summary>
public sealed class SqlitePoisonCommandTests : PoisonCommandTests
{
    protected override Task<TestStore> CreateStoreAsync() => TestStore.CreateAsync();
}
