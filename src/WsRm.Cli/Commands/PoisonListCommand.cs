using System.CommandLine;
using System.Globalization;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;
using WsRm.Cli.Views;

namespace WsRm.Cli.Commands;

/// <summary><c>wsrm poison list [--endpoint E] [--max N] [--json]</c>: poison messages, oldest first.</summary>
internal static class PoisonListCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Option<string?>("--endpoint", "-e") { Description = "Only those of this endpoint (its route pattern, e.g. /orders)." };
        var command = new Command("list", "List poison messages, oldest first.") { endpoint, context.Max, context.Json };
        StoreAction.Set(command, context, run => RunAsync(run, context, endpoint));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, Option<string?> endpoint)
    {
        var max = run.Get(context.Max);
        var messages = await run.Admin.ListPoisonAsync(run.Get(endpoint), max, run.CancellationToken).ConfigureAwait(false);
        var now = run.Now;
        var output = run.Console.Out;
        if (run.Get(context.Json))
        {
            CliJson.Write<IReadOnlyList<PoisonMessageView>>(output, messages.Select(m => PoisonMessageView.From(m, now)).ToList());
            return ExitCodes.Ok;
        }
        if (messages.Count == 0)
        {
            output.WriteLine("No poison messages.");
            return ExitCodes.Ok;
        }
        var table = new TextTable("SEQUENCE", "NUMBER", "ENDPOINT", "ACTION", "STATE", "ATTEMPTS", "CYCLES", "AGE", "LAST ERROR");
        foreach (var m in messages)
            table.Add(m.SequenceId, m.Number.ToString(CultureInfo.InvariantCulture), m.Endpoint, m.Action, Formats.Name(m.State),
                m.Attempts.ToString(CultureInfo.InvariantCulture), m.Cycles.ToString(CultureInfo.InvariantCulture), Formats.Age(m.Received, now), m.LastError);
        table.Write(output);
        if (messages.Count == max) run.Console.Error.WriteLine($"(the oldest {max}; --max lists more)");
        return ExitCodes.Ok;
    }
}
