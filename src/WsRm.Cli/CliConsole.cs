namespace WsRm.Cli;

/// <summary>
/// What a command reads and writes outside the store: standard output and error, standard input (confirmations), the
/// environment (store settings) and the clock (message ages, requeue times). Tests pass their own.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TextReader input, Func<string, string?> environment, TimeProvider time)
{
    /// <summary>The process's console, environment and clock.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable, TimeProvider.System);

    /// <summary>Standard output: results (tables, JSON, envelopes).</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error: errors, prompts and notes that scripts should not parse.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Standard input: answers to confirmations.</summary>
    public TextReader In { get; } = input;

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? GetEnvironment(string name) => environment(name) is { Length: > 0 } value ? value : null;
}
