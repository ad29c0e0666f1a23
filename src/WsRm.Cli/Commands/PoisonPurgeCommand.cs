using System.CommandLine;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm poison purge (--all | --endpoint E | &lt;sequenceId&gt; [&lt;number&gt;]) [--yes]</c>: deletes poison messages
/// (<see cref="IWsRmStoreAdmin.PurgePoisonAsync"/>) after a confirmation. Exit 1 when the message or sequence named had
/// no poison message, or the confirmation was declined; purging an empty endpoint or store is not an error.
/// </summary>
internal static class PoisonPurgeCommand
{
    public static Command Create(CliContext context)
    {
        var sequenceId = new Argument<string?>("sequenceId") { Description = "Only the poison messages of this sequence.", Arity = ArgumentArity.ZeroOrOne };
        var number = new Argument<ulong?>("number") { Description = "Only this message of the sequence.", Arity = ArgumentArity.ZeroOrOne };
        var endpoint = new Option<string?>("--endpoint", "-e") { Description = "All poison messages of this endpoint." };
        var all = new Option<bool>("--all") { Description = "All poison messages of every endpoint." };
        var command = new Command("purge", "Delete poison messages for good: one, those of a sequence, of an endpoint, or all.")
        {
            sequenceId, number, endpoint, all, context.Yes,
        };
        PurgeScope.RequireExactlyOne(command, "Name what to purge, one of: --all, --endpoint <endpoint>, or <sequenceId> [<number>].", all, endpoint, sequenceId);
        StoreAction.Set(command, context, run => RunAsync(run, context, new Scope(run.Get(all), run.Get(endpoint), run.Get(sequenceId), run.Get(number))));
        return command;
    }

    private sealed record Scope(bool All, string? Endpoint, string? SequenceId, ulong? Number);

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, Scope scope)
    {
        // The parser's rule (PurgeScope) already ensures a scope; never let a missing one mean "everything".
        if (!scope.All && scope.Endpoint is null && scope.SequenceId is null)
            throw new CommandFailedException(ExitCodes.Usage, "Name what to purge.");
        var console = run.Console;
        var question = await QuestionAsync(run, scope).ConfigureAwait(false);
        if (question is null) return scope.SequenceId is null ? ExitCodes.Ok : ExitCodes.NotFound;
        if (!run.Get(context.Yes) && !await Confirmation.AskAsync(console, question, run.CancellationToken).ConfigureAwait(false))
        {
            console.Error.WriteLine("wsrm: nothing purged.");
            return ExitCodes.NotFound;
        }
        var purged = await run.Admin.PurgePoisonAsync(scope.Endpoint, scope.SequenceId, scope.Number, run.CancellationToken).ConfigureAwait(false);
        console.Out.WriteLine($"Purged {purged} poison message{(purged == 1 ? "" : "s")}.");
        return purged == 0 && scope.SequenceId is not null ? ExitCodes.NotFound : ExitCodes.Ok;
    }

    // What to ask, naming how many messages when the store can tell; null (after saying so) when there is nothing to purge.
    private static async Task<string?> QuestionAsync(StoreInvocation run, Scope scope)
    {
        var error = run.Console.Error;
        if (scope.SequenceId is { } id)
        {
            if (scope.Number is not { } n) return $"Purge every poison message of sequence {id}?";
            var message = await run.Admin.FindMessageAsync(id, n, run.CancellationToken).ConfigureAwait(false);
            if (message is not null && PoisonCommand.IsPoison(message.State))
                return $"Purge poison message {n} of sequence {id} ({message.Endpoint}, {message.Action ?? "no action"})?";
            error.WriteLine(message is null
                ? $"wsrm: there is no message {n} of sequence {id} in the store."
                : $"wsrm: message {n} of sequence {id} is {Formats.Name(message.State)}, not poison; nothing purged.");
            return null;
        }
        var depths = await run.Admin.GetQueueDepthsAsync(run.CancellationToken).ConfigureAwait(false);
        var count = depths.Where(d => d.Kind == QueueKind.Poison && (scope.Endpoint is null || d.Name == scope.Endpoint)).Sum(d => d.Count);
        var where = scope.Endpoint is null ? "of every endpoint" : $"of endpoint {scope.Endpoint}";
        if (count > 0) return $"Purge {count} poison message{(count == 1 ? "" : "s")} {where}?";
        run.Console.Out.WriteLine($"No poison messages {(scope.Endpoint is null ? "at any endpoint" : $"at endpoint {scope.Endpoint}")}; nothing to purge.");
        return null;
    }
}
