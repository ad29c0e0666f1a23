using System.CommandLine;

namespace WsRm.Cli.Stores;

/// <summary>One run of a command on an open store: its parsed command line, the store's operator view, the console.</summary>
internal sealed record StoreInvocation(ParseResult Parse, IWsRmStoreAdmin Admin, CliConsole Console, CancellationToken CancellationToken)
{
    /// <summary>The value of <paramref name="option"/>.</summary>
    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    /// <summary>The value of <paramref name="argument"/>.</summary>
    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>The clock's current time.</summary>
    public DateTimeOffset Now => Console.Time.GetUtcNow();
}
