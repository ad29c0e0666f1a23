using System.CommandLine;
using System.Data.Common;

namespace WsRm.Cli.Stores;

/// <summary>
/// Runs a command against the store the command line names: opens it, checks its schema (<see cref="IWsRmStore.InitializeAsync"/>),
/// runs the command and closes the store; store failures become exit code 3 with their message.
/// </summary>
internal static class StoreAction
{
    /// <summary>Makes <paramref name="run"/> the action of <paramref name="command"/>.</summary>
    public static void Set(Command command, CliContext context, Func<StoreInvocation, Task<int>> run) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, context, run, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, CliContext context, Func<StoreInvocation, Task<int>> run, CancellationToken cancellationToken)
    {
        var console = context.Console;
        try
        {
            var (provider, connectionString) = context.Store.Resolve(parse);
            var store = StoreProviders.Create(provider, connectionString);
            await using (store.ConfigureAwait(false))
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                return await run(new StoreInvocation(parse, store.Admin, console, cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (CommandFailedException e)
        {
            return Fail(console, e.ExitCode, e.Message);
        }
        catch (Exception e) when (e is StoreUnavailableException or StoreSchemaException or DbException)
        {
            // DbException: a provider's own error that it did not wrap (e.g. a query on a broken connection).
            return Fail(console, ExitCodes.StoreUnavailable, e.Message);
        }
    }

    private static int Fail(CliConsole console, int exitCode, string message)
    {
        console.Error.WriteLine($"wsrm: {message}");
        return exitCode;
    }
}
