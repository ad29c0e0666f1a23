namespace WsRm.Testing;

/// <summary>How a console program run by <see cref="ToolProcess.RunAsync"/> ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">The lines it printed on standard output.</param>
/// <param name="Output">The command and both streams, for failure messages.</param>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> StandardOutput, string Output);
