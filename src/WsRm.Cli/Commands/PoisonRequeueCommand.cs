using System.CommandLine;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm poison requeue &lt;sequenceId&gt; &lt;number&gt;</c>: makes a poison message ready for delivery again with fresh
/// retry counts (<see cref="IWsRmStoreAdmin.RequeuePoisonAsync"/>). Exit 1 when there is no such poison message.
/// </summary>
internal static class PoisonRequeueCommand
{
    public static Command Create(CliContext context)
    {
        var sequenceId = PoisonCommand.SequenceId();
        var number = PoisonCommand.Number();
        var command = new Command("requeue", "Put a poison message back in its endpoint's queue, to be delivered again with fresh retry counts.")
        {
            sequenceId, number,
        };
        StoreAction.Set(command, context, run => RunAsync(run, sequenceId, number));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, Argument<string> sequenceId, Argument<ulong> number)
    {
        var id = run.Get(sequenceId)!;
        var n = run.Get(number);
        if (await run.Admin.RequeuePoisonAsync(id, n, run.CancellationToken).ConfigureAwait(false))
        {
            run.Console.Out.WriteLine($"Requeued message {n} of sequence {id}.");
            return ExitCodes.Ok;
        }
        var message = await run.Admin.FindMessageAsync(id, n, run.CancellationToken).ConfigureAwait(false);
        run.Console.Error.WriteLine(message is null
            ? $"wsrm: there is no message {n} of sequence {id} in the store."
            : $"wsrm: message {n} of sequence {id} is {Formats.Name(message.State)}, not poison; nothing requeued.");
        return ExitCodes.NotFound;
    }
}
