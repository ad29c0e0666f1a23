using Xunit;
using Npgsql;

namespace WsRm.Testing.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests of one xunit collection share (each test project defines its own), each test on a database of its own:
/// a throwaway <see cref="PostgreSqlCluster"/> started for the test run, or, when the environment variable
/// <see cref="ServerVariable"/> holds a connection string, that server: the tests create <c>wsrm_test_…</c> databases
/// on it and drop them, and one sets <c>deadlock_timeout</c>, so its user needs CREATEDB and that setting (a superuser,
/// or <c>GRANT SET ON PARAMETER deadlock_timeout</c>). The restart tests always start a cluster of their own.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    /// <summary>Environment variable: an Npgsql connection string of a server to test on instead of a throwaway one.</summary>
    public const string ServerVariable = PostgreSqlInstallation.ServerVariable;

    private PostgreSqlCluster? _cluster;
    private string _admin = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } external)
        {
            _admin = new NpgsqlConnectionStringBuilder(external) { Pooling = false }.ConnectionString;
            return;
        }
        _cluster = await PostgreSqlCluster.StartAsync();
        _admin = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
    }

    /// <summary>Creates an empty database; returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "wsrm_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(_admin, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, ending any session still on it.</summary>
    public Task DropDatabaseAsync(string connectionString) =>
        ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)");

    /// <summary>Runs <paramref name="sql"/> on its own connection (not pooled).</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection and returns the first column of the first row.</summary>
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
