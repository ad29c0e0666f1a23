namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The queued sender sample (<see cref="ToolBuild.QueuedSender"/>) as the tests run it: its transmission queue in
/// <c>outbox</c>, posting to the sample host's <c>/queue/post</c> on a given loopback port, retrying a destination
/// that is down every second at most (<c>--max-retry-delay 00:00:01</c>) so that a test waits little once it is up.
/// </summary>
public static class QueuedSender
{
    /// <summary>How long one run of the sender may take before the test fails (a real process on a loaded machine).</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The program's exit codes (SenderExitCodes in the sample).</summary>
    public const int Ok = 0, DeadLettered = 3, Cancelled = 130;

    /// <summary>The destination: the sample host's queued endpoint on 127.0.0.1:<paramref name="port"/>.</summary>
    public static Uri To(int port) => new($"http://127.0.0.1:{port}/queue/post");

    /// <summary>Starts <c>QueuedSender <paramref name="command"/> <paramref name="extra"/></c> on <paramref name="outbox"/>.</summary>
    public static ToolProcess Start(string command, CrashStore outbox, int port, params string[] extra) =>
        ToolProcess.Start(ToolBuild.QueuedSender, Args(command, outbox, port, extra));

    /// <summary>Runs <c>QueuedSender <paramref name="command"/> <paramref name="extra"/></c> to its end (bounded by <see cref="RunTimeout"/>).</summary>
    public static Task<ToolResult> RunAsync(string command, CrashStore outbox, int port, params string[] extra) =>
        ToolProcess.RunAsync(ToolBuild.QueuedSender, Args(command, outbox, port, extra), RunTimeout);

    /// <summary>The queue's name from the sender's first line, <c>queue NAME: W waiting, D dead letter(s)</c>.</summary>
    public static string QueueName(IReadOnlyList<string> standardOutput)
    {
        var line = standardOutput.FirstOrDefault(l => l.StartsWith("queue ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The sender did not name its queue: " + string.Join(Environment.NewLine, standardOutput));
        return line["queue ".Length..line.LastIndexOf(": ", StringComparison.Ordinal)];
    }

    private static string[] Args(string command, CrashStore outbox, int port, string[] extra) =>
    [
        command, "--provider", outbox.Provider, "--connection", outbox.ConnectionString, "--to", To(port).ToString(),
        "--max-retry-delay", "00:00:01", .. extra,
    ];
}
