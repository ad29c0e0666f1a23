using WsRm.Testing.PostgreSql;
namespace WsRm.Storage.Tests.PostgreSql;

/// <summary>The tests that share one <see cref="PostgreSqlServer"/> (one after another; each on its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSql";
}
