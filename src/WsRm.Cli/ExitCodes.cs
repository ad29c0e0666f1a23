namespace WsRm.Cli;

/// <summary>The process exit codes of <c>wsrm</c>, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The message named was not there (or not in the state the command needs), or a purge was declined.</summary>
    public const int NotFound = 1;

    /// <summary>The command line is wrong: unknown command or option, missing argument, bad value, bad connection string.</summary>
    public const int Usage = 2;

    /// <summary>The store cannot be reached or opened, does not exist, or has a schema this version does not know.</summary>
    public const int StoreUnavailable = 3;

    /// <summary>An unexpected failure (a bug); the exception is printed.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C (SIGINT).</summary>
    public const int Cancelled = 130;
}
