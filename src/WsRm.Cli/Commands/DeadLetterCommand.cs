using System.CommandLine;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm deadletter list|show|requeue|purge</c>: dead letters of transmission queues, the messages a queued client
/// gave up sending (<see cref="OutboxState.Dead"/>: TimeToLive passed, or undeliverable; WCF's dead-letter queue).
/// </summary>
internal static class DeadLetterCommand
{
    public static Command Create(CliContext context) =>
        new("deadletter", "Dead letters of transmission queues: messages a queued client gave up sending (expired or undeliverable).")
        {
            DeadLetterListCommand.Create(context),
            DeadLetterShowCommand.Create(context),
            DeadLetterRequeueCommand.Create(context),
            DeadLetterPurgeCommand.Create(context),
        };

    /// <summary>The <c>&lt;id&gt;</c> argument.</summary>
    public static Argument<long> Id() => new("id") { Description = "The message's id in its transmission queue (from deadletter list)." };

    /// <summary>The <c>--queue</c> option.</summary>
    public static Option<string?> Queue(string description) => new("--queue", "-q") { Description = description };
}
