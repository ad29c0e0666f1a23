using System.CommandLine;
using System.Globalization;
using WsRm.Cli.Stores;

namespace WsRm.Cli;

/// <summary>What every command shares: the console, the store selection and the common options.</summary>
internal sealed class CliContext(CliConsole console)
{
    /// <summary>Where output goes, the environment and the clock.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>The global <c>--provider</c> and <c>--connection</c> options.</summary>
    public StoreSelection Store { get; } = new(console);

    /// <summary><c>--json</c> on list, show and queues: indented JSON on standard output instead of text.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON (for scripts) instead of text." };

    /// <summary><c>--yes</c>, <c>-y</c> on purges: no confirmation.</summary>
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Do not ask for confirmation." };

    /// <summary><c>--max</c> on lists: how many messages at most (default 100).</summary>
    public Option<int> Max { get; } = CreateMax();

    private static Option<int> CreateMax()
    {
        return new Option<int>("--max", "-n")
        {
            Description = "List at most this many messages, oldest first.",
            DefaultValueFactory = _ => 100,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
                result.AddError($"--max '{text}' is not a whole number of at least 1.");
                return 0;
            },
        };
    }
}
