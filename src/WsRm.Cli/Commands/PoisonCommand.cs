using System.CommandLine;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm poison list|show|requeue|purge</c>: poison messages of queued endpoints, the accepted messages whose
/// delivery failed past the endpoint's retries (<see cref="MessageState.Parked"/>, <see cref="MessageState.Rejected"/>,
/// <see cref="MessageState.Faulted"/>; WCF's poison message handling).
/// </summary>
internal static class PoisonCommand
{
    public static Command Create(CliContext context) =>
        new("poison", "Poison messages of queued endpoints: messages whose delivery failed past the retries (parked, rejected, faulted).")
        {
            PoisonListCommand.Create(context),
            PoisonShowCommand.Create(context),
            PoisonRequeueCommand.Create(context),
            PoisonPurgeCommand.Create(context),
        };

    /// <summary>The <c>&lt;sequenceId&gt;</c> argument.</summary>
    public static Argument<string> SequenceId() => new("sequenceId") { Description = "The WS-RM sequence identifier the message came on." };

    /// <summary>The <c>&lt;number&gt;</c> argument.</summary>
    public static Argument<ulong> Number() => new("number") { Description = "The message number on that sequence." };

    /// <summary>True for the three poison states.</summary>
    public static bool IsPoison(MessageState state) => state is MessageState.Parked or MessageState.Rejected or MessageState.Faulted;
}
