using WsRm.Testing.PostgreSql;

namespace WsRm.Crash.Tests;

/// <summary>The tests that share one throwaway <see cref="PostgreSqlServer"/> (one after another; each on its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSql";
}
