using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace WsRm.Samples.QueuedSender;

/// <summary>
/// <c>QueuedSender send|enqueue|forward</c>: posts texts to the sample host's queued endpoint through a transmission
/// queue. Options every command takes: <c>--to</c>, <c>--provider</c>, <c>--connection</c>, <c>--max-retry-delay</c>,
/// <c>--verbose</c>; <c>send</c> and <c>enqueue</c> also <c>--count</c>, <c>--prefix</c>, <c>--ttl</c>, <c>--rate</c>.
/// Exit codes: <see cref="SenderExitCodes"/>.
/// </summary>
internal static class SenderCommandLine
{
    public const string DefaultTo = "http://127.0.0.1:5080/queue/post";
    public const string DefaultSqlite = "Data Source=outbox.db";

    /// <summary>Parses <paramref name="args"/>, runs the command, returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Action is ParseErrorAction error)
        {
            // The error alone, not the whole help after it: the mistake stays on screen.
            error.ShowHelp = false;
            await parse.InvokeAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync("queued-sender: see --help for the commands and options.").ConfigureAwait(false);
            return SenderExitCodes.Usage;
        }
        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    private static RootCommand Create()
    {
        var to = new Option<Uri>("--to")
        {
            Description = $"The destination's address (default {DefaultTo}, the sample host's queued endpoint).",
            Recursive = true,
            DefaultValueFactory = _ => new Uri(DefaultTo),
            CustomParser = r => Uri.TryCreate(Single(r), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri : Error<Uri>(r, $"--to '{Single(r)}' is not an absolute http:// or https:// address.", new Uri(DefaultTo)),
        };
        var provider = new Option<string>("--provider")
        {
            Description = "Where the transmission queue lives: Sqlite (default) or PostgreSql.",
            Recursive = true,
            DefaultValueFactory = _ => "Sqlite",
            CustomParser = r => Single(r).ToLowerInvariant() switch
            {
                "sqlite" => "Sqlite",
                "postgresql" => "PostgreSql",
                _ => Error(r, $"--provider '{Single(r)}' must be Sqlite or PostgreSql.", "Sqlite"),
            },
        };
        var connection = new Option<string?>("--connection")
        {
            Description = $"The store's connection string (SQLite default \"{DefaultSqlite}\", a file in the working directory; " +
                "required for PostgreSql, e.g. \"Host=127.0.0.1;Database=outbox;Username=...;Password=...\").",
            Recursive = true,
        };
        var maxRetryDelay = TimeSpanOption("--max-retry-delay", TimeSpan.FromSeconds(5),
            "The longest wait between tries while the destination is down (default 00:00:05, so a demo reacts quickly; the library's default is a minute).");
        var verbose = new Option<bool>("--verbose") { Description = "Also log the forwarder's information events (standard error).", Recursive = true };

        var count = new Option<int>("--count")
        {
            Description = "How many texts to post (default 10).",
            DefaultValueFactory = _ => 10,
            CustomParser = r => int.TryParse(Single(r), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n : Error(r, $"--count '{Single(r)}' is not a whole number of at least 1.", 0),
        };
        var prefix = new Option<string>("--prefix") { Description = "The texts' prefix: PREFIX00000, PREFIX00001, … (default post-).", DefaultValueFactory = _ => "post-" };
        var ttl = TimeSpanOption("--ttl", TimeSpan.FromDays(1),
            "Each message's TimeToLive: not acknowledged by then, it goes to the dead-letter queue (default 1.00:00:00, a day).");
        var rate = new Option<double>("--rate")
        {
            Description = "Messages enqueued per second at most (default 0: as fast as the store commits).",
            CustomParser = r => double.TryParse(Single(r), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v)
                ? v : Error(r, $"--rate '{Single(r)}' is not a number of messages per second (0 or more).", 0d),
        };

        SenderSettings Settings(ParseResult p, bool posts)
        {
            var name = p.GetValue(provider)!;
            var connectionString = p.GetValue(connection)
                ?? (name == "Sqlite" ? DefaultSqlite : throw new SenderException(SenderExitCodes.Usage, "--provider PostgreSql needs --connection."));
            return new SenderSettings
            {
                To = p.GetValue(to)!,
                Provider = name,
                ConnectionString = connectionString,
                MaxRetryDelay = p.GetValue(maxRetryDelay),
                Verbose = p.GetValue(verbose),
                Count = posts ? p.GetValue(count) : 0,
                Prefix = posts ? p.GetValue(prefix) ?? "" : "",
                TimeToLive = posts ? p.GetValue(ttl) : TimeSpan.FromDays(1),
                Rate = posts ? p.GetValue(rate) : 0,
            };
        }

        var send = new Command("send", "Enqueue --count texts (a line once all are committed), then forward until the queue is empty.") { count, prefix, ttl, rate };
        send.SetAction((p, ct) => SenderRun.RunAsync(() => Settings(p, posts: true), enqueue: true, forward: true, ct));
        var enqueue = new Command("enqueue", "Enqueue --count texts and exit; nothing is sent (forward sends them later).") { count, prefix, ttl, rate };
        enqueue.SetAction((p, ct) => SenderRun.RunAsync(() => Settings(p, posts: true), enqueue: true, forward: false, ct));
        var forward = new Command("forward", "Forward what is queued until the queue is empty (acknowledged or dead-lettered), then exit.");
        forward.SetAction((p, ct) => SenderRun.RunAsync(() => Settings(p, posts: false), enqueue: false, forward: true, ct));

        return new RootCommand(
            "The sending side of a queued exchange: texts committed to a transmission queue (SQLite or PostgreSQL) and forwarded " +
            "over WS-ReliableMessaging to the sample host's /queue/post, whenever it is up, exactly once.")
        {
            to, provider, connection, maxRetryDelay, verbose, send, enqueue, forward,
        };
    }

    private static Option<TimeSpan> TimeSpanOption(string name, TimeSpan @default, string description) => new(name)
    {
        Description = description,
        HelpName = "[d.]hh:mm:ss",
        Recursive = name == "--max-retry-delay",
        DefaultValueFactory = _ => @default,
        CustomParser = r => TimeSpan.TryParse(Single(r), CultureInfo.InvariantCulture, out var v) && v > TimeSpan.Zero
            ? v : Error(r, $"{name} '{Single(r)}' is not a positive time span such as 00:00:30 or 1.00:00:00.", @default),
    };

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";

    private static T Error<T>(ArgumentResult result, string message, T placeholder)
    {
        result.AddError(message);
        return placeholder;
    }
}
