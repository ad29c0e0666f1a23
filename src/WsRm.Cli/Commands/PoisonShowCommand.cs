using System.CommandLine;
using System.Text;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;
using WsRm.Cli.Views;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm poison show &lt;sequenceId&gt; &lt;number&gt; [--json]</c>: one accepted message (poison or not): its state,
/// attempts and last error, its SOAP headers summarised and its envelope indented. Exit 1 when there is no such message.
/// </summary>
internal static class PoisonShowCommand
{
    public static Command Create(CliContext context)
    {
        var sequenceId = PoisonCommand.SequenceId();
        var number = PoisonCommand.Number();
        var command = new Command("show", "Show one message: state, attempts, last error, SOAP headers and the envelope.")
        {
            sequenceId, number, context.Json,
        };
        StoreAction.Set(command, context, run => RunAsync(run, context, sequenceId, number));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, Argument<string> sequenceId, Argument<ulong> number)
    {
        var id = run.Get(sequenceId)!;
        var n = run.Get(number);
        var message = await run.Admin.FindMessageAsync(id, n, run.CancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            run.Console.Error.WriteLine($"wsrm: there is no message {n} of sequence {id} in the store.");
            return ExitCodes.NotFound;
        }
        var headers = EnvelopeHeadersView.Read(message.Envelope);
        if (run.Get(context.Json))
        {
            var view = PoisonMessageView.From(message, run.Now) with { Headers = headers, Envelope = Encoding.UTF8.GetString(message.Envelope) };
            CliJson.Write(run.Console.Out, view);
            return ExitCodes.Ok;
        }
        Write(run.Console.Out, message, headers, run.Now);
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter output, StoredMessage message, EnvelopeHeadersView headers, DateTimeOffset now)
    {
        var poison = PoisonCommand.IsPoison(message.State) ? "poison, " : "";
        output.WriteLine($"Message {message.Number} of sequence {message.SequenceId} ({poison}{Formats.Name(message.State)})");
        var fields = new FieldList
        {
            { "Endpoint", message.Endpoint },
            { "Action", message.Action },
            { "Received", $"{Formats.Time(message.Received)} ({Formats.Age(message.Received, now)} ago)" },
            { "Attempts", $"{message.Attempts} in the current retry cycle, {message.Cycles} cycles completed" },
            { "Not before", message.NotBefore is null ? null : Formats.Time(message.NotBefore) },
            { "Last error", message.LastError },
        };
        fields.Write(output);
        EnvelopeSection.WriteHeaders(output, headers);
        EnvelopeSection.WriteXml(output, "Envelope", message.Envelope, fragment: false);
    }
}
