using System.Net;
using System.Net.Sockets;
namespace WsRm.Cli.Tests.Stores;

/// <summary>
/// Which store <c>wsrm</c> opens (<c>--provider</c>, <c>--connection</c>, their environment variables) and what it says
/// when it cannot: a missing database, a file that is not one, a newer schema, a provider not built in.
/// </summary>
public sealed class StoreSelectionTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await _store.AddOutboxAsync("q1", dead: 1);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData("queues")]
    [InlineData("poison", "list")]
    [InlineData("deadletter", "purge", "--all", "--yes")]
    public async Task A_missing_database_exits_3_naming_the_file_and_is_not_created(params string[] args)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"wsrm-cli-missing-{Guid.NewGuid():N}.db");
        var cli = new CliRunner();
        cli.Environment["WSRM_STORAGE_CONNECTIONSTRING"] = $"Data Source={missing}";

        var result = await cli.RunAsync(args);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"wsrm: There is no WsRm store at {missing}: the SQLite file does not exist.", result.Error);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_exits_3_with_the_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wsrm-cli-text-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(file, new string('x', 4096)).WaitAsync(TestStore.Timeout);
        try
        {
            var result = await new CliRunner().RunAsync("queues", "--connection", $"Data Source={file}");

            Assert.Equal(3, result.ExitCode);
            Assert.StartsWith($"wsrm: The SQLite store {file} cannot be opened: ", result.Error);
            Assert.Contains("not a database", result.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_newer_schema_exits_3_naming_the_versions_and_is_left_alone()
    {
        await _store.SetSchemaVersionAsync(2);

        var queues = await CliRunner.For(_store).RunAsync("queues");
        var purge = await CliRunner.For(_store).RunAsync("deadletter", "purge", "--all", "--yes");

        foreach (var result in new[] { queues, purge })
        {
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("has schema version 2, newer than the 1 this version of WsRm knows", result.Error);
            Assert.Equal("", result.Out);
        }
        await _store.SetSchemaVersionAsync(1);
        Assert.Contains("dead-letter", (await CliRunner.For(_store).RunAsync("queues")).Out);
    }

    [Fact]
    public async Task PostgreSql_needs_a_connection_string_and_a_server_it_cannot_reach_is_store_unavailable()
    {
        var cli = new CliRunner();
        cli.Environment["WSRM_STORAGE_PROVIDER"] = "PostgreSql";
        var missing = await cli.RunAsync("poison", "list");
        Assert.Equal((2, "wsrm: The PostgreSql store needs a connection string: pass --connection or set WSRM_STORAGE_CONNECTIONSTRING."), (missing.ExitCode, missing.Error.Trim()));

        // A port bound but not listening refuses connections at once.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var unreachable = await new CliRunner().RunAsync("queues", "--provider", "postgresql", "--connection", $"Host=127.0.0.1;Port={port};Database=wsrm;Username=u;Password=p;Timeout=5");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.Contains("cannot be reached", unreachable.Error);
        Assert.Equal("", unreachable.Out);

        var malformed = await new CliRunner().RunAsync("queues", "--provider", "postgresql", "--connection", "Host=127.0.0.1;Colour=blue");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("The connection string is not valid for postgresql", malformed.Error);
    }

    [Fact]
    public async Task An_unknown_provider_is_a_usage_error_from_the_option_or_the_environment()
    {
        var option = await CliRunner.For(_store).RunAsync("-p", "mysql", "queues");
        Assert.Equal((2, "wsrm: Unknown store provider 'mysql' (from --provider or WSRM_STORAGE_PROVIDER): use sqlite or postgresql."), (option.ExitCode, option.Error.Trim()));

        var cli = CliRunner.For(_store);
        cli.Environment["WSRM_STORAGE_PROVIDER"] = "oracle";
        Assert.Equal(2, (await cli.RunAsync("queues")).ExitCode);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment()
    {
        var cli = new CliRunner();
        cli.Environment["WSRM_STORAGE_PROVIDER"] = "oracle";
        cli.Environment["WSRM_STORAGE_CONNECTIONSTRING"] = "Data Source=/nonexistent/wsrm.db";

        var result = await cli.RunAsync("queues", "--provider", "SQLite", "--connection", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("dead-letter", result.Out);
    }

    [Fact]
    public async Task The_sample_hosts_configuration_variables_are_read_too()
    {
        var cli = new CliRunner();
        cli.Environment["WsRm__Storage__Provider"] = "Sqlite";
        cli.Environment["WsRm__Storage__ConnectionString"] = _store.ConnectionString;

        var result = await cli.RunAsync("deadletter", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, TableRows.Parse(result.Out).Count);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_a_usage_error()
    {
        var result = await new CliRunner().RunAsync("queues", "--connection", "Data Source=x.db;Colour=blue");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("wsrm: The connection string is not valid for sqlite: ", result.Error);
    }
}
