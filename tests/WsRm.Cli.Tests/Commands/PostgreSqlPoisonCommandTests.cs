using WsRm.Testing.PostgreSql;

namespace WsRm.Cli.Tests.Commands;

/// <summary><see cref="PoisonCommandTests"/> on PostgreSQL (<c>--provider postgresql</c>), a database of its own per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPoisonCommandTests(PostgreSqlServer server) : PoisonCommandTests
{
    protected override Task<TestStore> CreateStoreAsync() => TestStore.CreatePostgreSqlAsync(server);
}
