using System.Text.Json;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary><c>wsrm</c> (<see cref="ToolBuild.Cli"/>), the real operator's tool, run as a child process on a test's store.</summary>
public static class WsRmCli
{
    /// <summary>How long one command may take before the test fails.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>wsrm --provider … --connection … <paramref name="args"/></c> to its end.</summary>
    public static Task<ToolResult> RunAsync(CrashStore store, params string[] args) =>
        ToolProcess.RunAsync(ToolBuild.Cli, ["--provider", store.Provider.ToLowerInvariant(), "--connection", store.ConnectionString, .. args], RunTimeout);

    /// <summary><c>wsrm deadletter list --queue <paramref name="queue"/> --json</c>: the dead letters, oldest first; asserts exit 0.</summary>
    public static async Task<IReadOnlyList<DeadLetterLine>> DeadLettersAsync(CrashStore store, string queue)
    {
        var run = await RunAsync(store, "deadletter", "list", "--queue", queue, "--json", "--max", "10000");
        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(string.Join('\n', run.StandardOutput));
        return [.. json.RootElement.EnumerateArray().Select(e => new DeadLetterLine(
            e.GetProperty("id").GetInt64(), e.GetProperty("queue").GetString()!, e.GetProperty("deadReason").GetString()!))];
    }
}
