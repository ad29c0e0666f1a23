namespace WsRm.Cli.Output;

/// <summary>
/// Asks before a destructive command: the question goes to standard error (standard output stays for results) and
/// the answer is read from standard input; only "y" or "yes" agrees. Closed input (a script without <c>--yes</c>) is a no.
/// </summary>
internal static class Confirmation
{
    public static async Task<bool> AskAsync(CliConsole console, string question, CancellationToken cancellationToken)
    {
        await console.Error.WriteAsync($"{question} [y/N] ").ConfigureAwait(false);
        await console.Error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            await console.Error.WriteLineAsync().ConfigureAwait(false);
            await console.Error.WriteLineAsync("wsrm: no answer (standard input is closed); pass --yes to go on without asking.").ConfigureAwait(false);
            return false;
        }
        return answer.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
