namespace WsRm.Samples.QueuedSender;

/// <summary>The process exit codes, for scripts and tests.</summary>
internal static class SenderExitCodes
{
    /// <summary>Done: every message enqueued (and, when forwarding, acknowledged by the destination).</summary>
    public const int Ok = 0;

    /// <summary>The store could not be opened or failed; nothing more was done (the message says what).</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The queue emptied, but some messages went to its dead-letter queue (TimeToLive, refusals) during this run.</summary>
    public const int DeadLettered = 3;

    /// <summary>Stopped by Ctrl+C or SIGTERM; what was committed stays queued for the next run.</summary>
    public const int Cancelled = 130;
}
