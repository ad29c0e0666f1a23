using System.CommandLine;
using System.Globalization;
using WsRm.Cli.Output;
using WsRm.Cli.Stores;

namespace WsRm.Cli.Commands;

/// <summary>
/// <c>wsrm deadletter requeue &lt;id&gt; [--ttl 1.00:00:00]</c>: puts a dead letter back in its transmission queue to be
/// sent again on the queue's current sequence (<see cref="IWsRmStoreAdmin.RequeueDeadLetterAsync"/>), expiring after
/// <c>--ttl</c> from now (the store's clock: the database's for PostgreSQL), or never. Exit 1 when there is no such dead letter.
/// </summary>
internal static class DeadLetterRequeueCommand
{
    public static Command Create(CliContext context)
    {
        var id = DeadLetterCommand.Id();
        var ttl = new Option<TimeSpan?>("--ttl")
        {
            Description = "Time to live from now, as [d.]hh:mm:ss (e.g. 1.00:00:00 for a day); without it the message never expires.",
            HelpName = "timespan",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero) return value;
                result.AddError($"--ttl '{text}' is not a positive time span such as 01:00:00 (an hour) or 1.00:00:00 (a day).");
                return null;
            },
        };
        var command = new Command("requeue", "Put a dead letter back in its transmission queue, to be sent again.") { id, ttl };
        StoreAction.Set(command, context, run => RunAsync(run, id, ttl));
        return command;
    }

    private static async Task<int> RunAsync(StoreInvocation run, Argument<long> id, Option<TimeSpan?> ttl)
    {
        var messageId = run.Get(id);
        var timeToLive = run.Get(ttl);
        var now = run.Now;
        if (await run.Admin.RequeueDeadLetterAsync(messageId, timeToLive, now, run.CancellationToken).ConfigureAwait(false))
        {
            // The store's clock decides the expiry (PostgreSQL's is the database's), so say what it wrote.
            var requeued = timeToLive is null ? null : await run.Admin.FindOutboxAsync(messageId, run.CancellationToken).ConfigureAwait(false);
            var expires = requeued?.ExpiresAt is { } at ? $"expires {Formats.Time(at)}" : timeToLive is { } t ? $"expires {Formats.Time(now + t)}" : "never expires";
            run.Console.Out.WriteLine($"Requeued dead letter {messageId}; it {expires}.");
            return ExitCodes.Ok;
        }
        var message = await run.Admin.FindOutboxAsync(messageId, run.CancellationToken).ConfigureAwait(false);
        run.Console.Error.WriteLine(message is null
            ? $"wsrm: there is no message {messageId} in any transmission queue."
            : $"wsrm: message {messageId} of queue {message.Queue} is {Formats.Name(message.State)}, not a dead letter; nothing requeued.");
        return ExitCodes.NotFound;
    }
}
