namespace WsRm.Interop.Tests.Metadata;

/// <summary>How a foreign program ended and what it printed.</summary>
public sealed record ForeignResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The standard output lines.</summary>
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Everything, for assertion messages.</summary>
    public override string ToString() => $"{Command} exited with {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
