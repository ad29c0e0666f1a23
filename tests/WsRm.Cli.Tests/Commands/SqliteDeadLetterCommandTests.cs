namespace WsRm.Cli.Tests.Commands;

/// <summary><see cref="DeadLetterCommandTests"/> on SQLite, <c>wsrm</c>'s default store.</summary>
public sealed class SqliteDeadLetterCommandTests : DeadLetterCommandTests
{
    protected override Task<TestStore> CreateStoreAsync() => TestStore.CreateAsync();
}
