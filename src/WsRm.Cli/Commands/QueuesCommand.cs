using System.CommandLine;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;
using WsRm.Cli.Views;

namespace WsRm.Cli.Commands;

/// <summary><c>wsrm queues [--json]</c>: every queue that holds messages, with its depth and its oldest message's age.</summary>
internal static class QueuesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("queues",
            "Show every queue holding messages: target and poison queues of endpoints, transmission and dead-letter queues, " +
            "with how many messages each holds and how old the oldest is.")
        {
            context.Json,
        };
        StoreAction.Set(command, context, run => RunAsync(run, context));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context)
    {
        var depths = await run.Admin.GetQueueDepthsAsync(run.CancellationToken).ConfigureAwait(false);
        var now = run.Now;
        var output = run.Console.Out;
        if (run.Get(context.Json))
        {
            CliJson.Write<IReadOnlyList<QueueView>>(output, depths.Select(d => QueueView.From(d, now)).ToList());
            return ExitCodes.Ok;
        }
        if (depths.Count == 0)
        {
            output.WriteLine("No messages in any queue.");
            return ExitCodes.Ok;
        }
        var table = new TextTable("KIND", "NAME", "MESSAGES", "OLDEST", "AGE") { MaxCellWidth = 80 };
        foreach (var depth in depths)
            table.Add(Formats.Name(depth.Kind), depth.Name, depth.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Time(depth.Oldest), Formats.Age(depth.Oldest, now));
        table.Write(output);
        return ExitCodes.Ok;
    }
}
