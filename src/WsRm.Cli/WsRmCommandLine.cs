using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using WsRm.Cli.Commands;

namespace WsRm.Cli;

/// <summary>
/// <c>wsrm</c>: the operator's tool for a WsRm store (SQLite or PostgreSQL). It lists, inspects, requeues and purges
/// poison messages of queued endpoints and dead letters of transmission queues, and shows every queue's depth, all
/// through <see cref="IWsRmStoreAdmin"/>. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
internal static class WsRmCommandLine
{
    /// <summary>The root command and its subcommands, writing to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        var context = new CliContext(console);
        // A plain command rather than RootCommand, whose name is the executable's (WsRm.Cli under dotnet run and as a
        // .NET tool): help shows the tool's command name, wsrm. RunAsync passes that name as the first token.
        var root = new Command("wsrm",
            "Inspect and repair a WsRm store: poison messages of queued endpoints, dead letters of transmission queues, queue depths.")
        {
            new HelpOption(),
            new VersionOption(),
            context.Store.Provider,
            context.Store.Connection,
            QueuesCommand.Create(context),
            PoisonCommand.Create(context),
            DeadLetterCommand.Create(context),
        };
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = Create(console).Parse(["wsrm", .. args]);
            var exitCode = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            // System.CommandLine reports parse errors with 1; wsrm keeps 1 for "not found" and uses 2 for usage errors.
            return parse.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("wsrm: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync($"wsrm: unexpected error: {e}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
