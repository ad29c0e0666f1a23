namespace WsRm.Cli;

/// <summary>A command cannot go on; its message is printed to standard error and the process exits with <see cref="ExitCode"/>.</summary>
internal sealed class CommandFailedException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
