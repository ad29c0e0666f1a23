namespace WsRm.Cli.Tests;

/// <summary>The command tree: help that names every command, and exit code 2 for a command line that does not parse.</summary>
public sealed class WsRmCommandLineTests
{
    [Fact]
    public async Task Help_names_the_tool_its_commands_and_the_store_options()
    {
        var result = await new CliRunner().RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  wsrm [command] [options]", result.Out);
        foreach (var text in new[] { "queues", "poison", "deadletter", "--provider <sqlite|postgresql>", "--connection", "WSRM_STORAGE_CONNECTIONSTRING" })
            Assert.Contains(text, result.Out);
    }

    [Theory]
    [InlineData("poison", "list", "show <sequenceId> <number>", "requeue <sequenceId> <number>", "purge")]
    [InlineData("deadletter", "list", "show <id>", "requeue <id>", "purge")]
    public async Task Each_group_lists_its_commands(string group, params string[] commands)
    {
        var result = await new CliRunner().RunAsync(group, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in commands) Assert.Contains(command, result.Out);
    }

    [Fact]
    public async Task Purge_help_shows_its_scopes_and_yes()
    {
        var result = await new CliRunner().RunAsync("poison", "purge", "-h");

        Assert.Contains("wsrm poison purge [<sequenceId> [<number>]] [options]", result.Out);
        foreach (var option in new[] { "--endpoint", "--all", "-y, --yes" }) Assert.Contains(option, result.Out);
    }

    [Theory]
    [InlineData]
    [InlineData("poison")]
    [InlineData("queue")]
    [InlineData("queues", "--bogus")]
    [InlineData("deadletter", "show", "1", "2")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_the_reason(params string[] args)
    {
        var result = await new CliRunner().RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual("", result.Error.Trim());
    }

    [Fact]
    public async Task A_cancelled_run_exits_130()
    {
        await using var store = await TestStore.CreateAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""), name => name == "WSRM_STORAGE_CONNECTIONSTRING" ? store.ConnectionString : null, TimeProvider.System);

        var exitCode = await WsRmCommandLine.RunAsync(["queues"], console, new CancellationToken(canceled: true)).WaitAsync(TestStore.Timeout);

        Assert.Equal((130, "wsrm: cancelled."), (exitCode, error.ToString().Trim()));
        Assert.Equal("", output.ToString());
    }
}
