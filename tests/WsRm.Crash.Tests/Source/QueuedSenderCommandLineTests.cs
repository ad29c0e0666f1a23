using WsRm.Crash.Tests.Infrastructure;

namespace WsRm.Crash.Tests.Source;

/// <summary>
/// The queued sender sample's command line as a user meets it (the built program in a child process): a mistake
/// gets exit code 2 and one message naming it, not the whole help; a store that cannot be opened gets exit code 1.
/// </summary>
public sealed class QueuedSenderCommandLineTests
{
    [Theory]
    [InlineData("--count 'x' is not a whole number of at least 1.", "send", "--count", "x")]
    [InlineData("--count '0' is not a whole number of at least 1.", "send", "--count", "0")]
    [InlineData("--ttl '-00:00:01' is not a positive time span such as 00:00:30 or 1.00:00:00.", "send", "--ttl", "-00:00:01")]
    [InlineData("--provider 'Oracle' must be Sqlite or PostgreSql.", "forward", "--provider", "Oracle")]
    [InlineData("--to 'ftp://127.0.0.1/queue' is not an absolute http:// or https:// address.", "forward", "--to", "ftp://127.0.0.1/queue")]
    [InlineData("--provider PostgreSql needs --connection.", "forward", "--provider", "PostgreSql")]
    [InlineData("Required command was not provided.")]
    public async Task A_bad_command_line_exits_2_naming_the_mistake(string message, params string[] args)
    {
        var run = await ToolProcess.RunAsync(ToolBuild.QueuedSender, args, QueuedSender.RunTimeout);
        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.StandardOutput, l => l.StartsWith("Usage:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_exits_1_saying_so()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"wsrm-missing-{Guid.NewGuid():N}", "outbox.db");
        var run = await ToolProcess.RunAsync(ToolBuild.QueuedSender, ["forward", "--connection", $"Data Source={missing}"], QueuedSender.RunTimeout);
        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains($"queued-sender: the store failed: The SQLite store {missing} cannot be opened", run.Output, StringComparison.Ordinal);
    }
}
