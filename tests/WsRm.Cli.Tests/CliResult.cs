namespace WsRm.Cli.Tests;

/// <summary>What a run of <c>wsrm</c> left: its exit code, standard output and standard error.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>All of it, for an assertion's message.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
