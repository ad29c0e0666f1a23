using System.CommandLine;
using System.Globalization;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;
using WsRm.Cli.Views;

namespace WsRm.Cli.Commands;

/// <summary><c>wsrm deadletter list [--queue Q] [--max N] [--json]</c>: dead letters, oldest first.</summary>
internal static class DeadLetterListCommand
{
    public static Command Create(CliContext context)
    {
        var queue = DeadLetterCommand.Queue("Only those of this transmission queue.");
        var command = new Command("list", "List dead letters, oldest first.") { queue, context.Max, context.Json };
        StoreAction.Set(command, context, run => RunAsync(run, context, queue));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, Option<string?> queue)
    {
        var max = run.Get(context.Max);
        var messages = await run.Admin.ListDeadLettersAsync(run.Get(queue), max, run.CancellationToken).ConfigureAwait(false);
        var now = run.Now;
        var output = run.Console.Out;
        if (run.Get(context.Json))
        {
            CliJson.Write<IReadOnlyList<DeadLetterView>>(output, messages.Select(m => DeadLetterView.From(m, now)).ToList());
            return ExitCodes.Ok;
        }
        if (messages.Count == 0)
        {
            output.WriteLine("No dead letters.");
            return ExitCodes.Ok;
        }
        var table = new TextTable("ID", "QUEUE", "ACTION", "ATTEMPTS", "AGE", "DEAD FOR", "DEAD REASON");
        foreach (var m in messages)
            table.Add(m.Id.ToString(CultureInfo.InvariantCulture), m.Queue, m.Action, m.Attempts.ToString(CultureInfo.InvariantCulture),
                Formats.Age(m.Enqueued, now), Formats.Age(m.DeadAt, now), m.DeadReason);
        table.Write(output);
        if (messages.Count == max) run.Console.Error.WriteLine($"(the oldest {max}; --max lists more)");
        return ExitCodes.Ok;
    }
}
