namespace WsRm.Samples.QueuedSender;

/// <summary>A failure the program reports with a message and an exit code of <see cref="SenderExitCodes"/>.</summary>
internal sealed class SenderException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
