using System.CommandLine;
using System.CommandLine.Parsing;

namespace WsRm.Cli.Commands;

/// <summary>
/// The rule of the purge commands: exactly one of their scopes (<c>--all</c>, a name option, an id argument) is
/// given. Checked on the tokens, not the values, so a value that does not convert is reported by the parser as such.
/// </summary>
internal static class PurgeScope
{
    /// <summary>Adds the rule to <paramref name="command"/>, with <paramref name="error"/> as the message.</summary>
    public static void RequireExactlyOne(Command command, string error, params Symbol[] scopes) =>
        command.Validators.Add(result =>
        {
            if (scopes.Count(scope => IsGiven(result, scope)) != 1) result.AddError(error);
        });

    private static bool IsGiven(CommandResult result, Symbol scope) => scope switch
    {
        // A flag counts when it is on: "--all" or "--all true", not "--all false".
        Option<bool> flag => result.GetResult(flag) is { Implicit: false } given
            && (given.Tokens.Count == 0 || bool.TryParse(given.Tokens[0].Value, out var on) && on),
        Option option => result.GetResult(option) is { Implicit: false },
        Argument argument => result.GetResult(argument) is { Tokens.Count: > 0 },
        _ => throw new ArgumentException($"{scope.Name} is neither an option nor an argument.", nameof(scope)),
    };
}
