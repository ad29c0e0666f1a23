using System.CommandLine;
using System.Text;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;
using WsRm.Cli.Views;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm deadletter show &lt;id&gt; [--json]</c>: one message of a transmission queue (dead or still pending): why it
/// is dead, its attempts, the sequence it was sent on, and its body indented. Exit 1 when there is no such message.
/// </summary>
internal static class DeadLetterShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = DeadLetterCommand.Id();
        var command = new Command("show", "Show one message of a transmission queue: dead reason, attempts, action, sequence and body.")
        {
            id, context.Json,
        };
        StoreAction.Set(command, context, run => RunAsync(run, context, id));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, CliContext context, Argument<long> id)
    {
        var messageId = run.Get(id);
        var message = await run.Admin.FindOutboxAsync(messageId, run.CancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            run.Console.Error.WriteLine($"wsrm: there is no message {messageId} in any transmission queue.");
            return ExitCodes.NotFound;
        }
        if (run.Get(context.Json))
        {
            CliJson.Write(run.Console.Out, DeadLetterView.From(message, run.Now) with { Body = Encoding.UTF8.GetString(message.Body) });
            return ExitCodes.Ok;
        }
        Write(run.Console.Out, message, run.Now);
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter output, OutboxMessage message, DateTimeOffset now)
    {
        var state = message.State == OutboxState.Dead ? "dead letter" : "pending, not a dead letter";
        output.WriteLine($"Message {message.Id} of transmission queue {message.Queue} ({state})");
        new FieldList
        {
            { "Dead reason", message.DeadReason },
            { "Dead since", message.DeadAt is null ? null : $"{Formats.Time(message.DeadAt)} ({Formats.Age(message.DeadAt, now)} ago)" },
            { "Enqueued", $"{Formats.Time(message.Enqueued)} ({Formats.Age(message.Enqueued, now)} ago)" },
            { "Expires", message.ExpiresAt is null ? "never" : Formats.Time(message.ExpiresAt) },
            { "Attempts", message.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "Last error", message.LastError },
        }.Write(output);
        output.WriteLine();
        output.WriteLine("Headers");
        new FieldList
        {
            { "wsa:Action", message.Action },
            { "wsrm:Sequence", message.SequenceId is null ? "(not sent on a sequence yet)" : $"{message.SequenceId}, message {message.Number}" },
        }.Write(output);
        EnvelopeSection.WriteXml(output, "Body", message.Body, fragment: true);
    }
}
