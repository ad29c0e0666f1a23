using System.CommandLine;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm deadletter purge (--all | --queue Q | &lt;id&gt;) [--yes]</c>: deletes dead letters
/// (<see cref="IWsRmStoreAdmin.PurgeDeadLettersAsync"/>) after a confirmation. Exit 1 when the id named is not a dead
/// letter, or the confirmation was declined; purging an empty queue or store is not an error.
/// </summary>
internal static class DeadLetterPurgeCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long?>("id") { Description = "Only this dead letter.", Arity = ArgumentArity.ZeroOrOne };
        var queue = DeadLetterCommand.Queue("All dead letters of this transmission queue.");
        var all = new Option<bool>("--all") { Description = "All dead letters of every transmission queue." };
        var command = new Command("purge", "Delete dead letters for good: one, those of a queue, or all.") { id, queue, all, context.Yes };
        PurgeScope.RequireExactlyOne(command, "Name what to purge, one of: --all, --queue <queue>, or <id>.", all, queue, id);
        StoreAction.Set(command, context, run => RunAsync(run, context, run.Get(all), run.Get(queue), run.Get(id)));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, bool all, string? queue, long? id)
    {
        // The parser's rule (PurgeScope) already ensures a scope; never let a missing one mean "everything".
        if (!all && queue is null && id is null) throw new CommandFailedException(ExitCodes.Usage, "Name what to purge.");
        var console = run.Console;
        var question = await QuestionAsync(run, queue, id).ConfigureAwait(false);
        if (question is null) return id is null ? ExitCodes.Ok : ExitCodes.NotFound;
        if (!run.Get(context.Yes) && !await Confirmation.AskAsync(console, question, run.CancellationToken).ConfigureAwait(false))
        {
            console.Error.WriteLine("wsrm: nothing purged.");
            return ExitCodes.NotFound;
        }
        var purged = await run.Admin.PurgeDeadLettersAsync(queue, id, run.CancellationToken).ConfigureAwait(false);
        console.Out.WriteLine($"Purged {purged} dead letter{(purged == 1 ? "" : "s")}.");
        return purged == 0 && id is not null ? ExitCodes.NotFound : ExitCodes.Ok;
    }

    // What to ask, naming how many messages; null (after saying so) when there is nothing to purge.
    private static async Task<string?> QuestionAsync(StoreInvocation run, string? queue, long? id)
    {
        if (id is { } messageId)
        {
            var message = await run.Admin.FindOutboxAsync(messageId, run.CancellationToken).ConfigureAwait(false);
            if (message is { State: OutboxState.Dead })
                return $"Purge dead letter {messageId} (queue {message.Queue}, {message.Action})?";
            run.Console.Error.WriteLine(message is null
                ? $"wsrm: there is no message {messageId} in any transmission queue."
                : $"wsrm: message {messageId} of queue {message.Queue} is {Formats.Name(message.State)}, not a dead letter; nothing purged.");
            return null;
        }
        var depths = await run.Admin.GetQueueDepthsAsync(run.CancellationToken).ConfigureAwait(false);
        var count = depths.Where(d => d.Kind == QueueKind.DeadLetter && (queue is null || d.Name == queue)).Sum(d => d.Count);
        var where = queue is null ? "of every transmission queue" : $"of queue {queue}";
        if (count > 0) return $"Purge {count} dead letter{(count == 1 ? "" : "s")} {where}?";
        run.Console.Out.WriteLine($"No dead letters {(queue is null ? "in any transmission queue" : $"in queue {queue}")}; nothing to purge.");
        return null;
    }
}
