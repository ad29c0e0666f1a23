using System.CommandLine;

namespace WsRm.Cli.Stores;

/// <summary>
/// The global <c>--provider</c> and <c>--connection</c> options, which fall back to the environment so operators need
/// not type them: <c>WSRM_STORAGE_PROVIDER</c> / <c>WSRM_STORAGE_CONNECTIONSTRING</c>, then the sample host's own
/// configuration keys as environment variables (<c>WsRm__Storage__Provider</c> / <c>WsRm__Storage__ConnectionString</c>),
/// then the defaults: <c>sqlite</c> and, for SQLite, <c>Data Source=wsrm.db</c> (a file in the working directory).
/// </summary>
internal sealed class StoreSelection
{
    public const string ProviderVariable = "WSRM_STORAGE_PROVIDER";
    public const string ConnectionVariable = "WSRM_STORAGE_CONNECTIONSTRING";
    private const string HostProviderVariable = "WsRm__Storage__Provider";
    private const string HostConnectionVariable = "WsRm__Storage__ConnectionString";

    private readonly CliConsole _console;

    public StoreSelection(CliConsole console)
    {
        _console = console;
        Provider = new Option<string>("--provider", "-p")
        {
            Description = $"The store's provider: {string.Join(" or ", StoreProviders.Names)} (environment: {ProviderVariable}).",
            HelpName = string.Join("|", StoreProviders.Names),
            Recursive = true,
            DefaultValueFactory = _ => EnvironmentProvider ?? StoreProviders.Default,
        };
        Provider.CompletionSources.Add(StoreProviders.Names.ToArray());
        Connection = new Option<string?>("--connection", "-c")
        {
            Description = $"The store's connection string (environment: {ConnectionVariable}; SQLite default: \"{StoreProviders.SqliteDefaultConnection}\").",
            HelpName = "connection string",
            Recursive = true,
        };
    }

    /// <summary><c>--provider</c>, <c>-p</c>.</summary>
    public Option<string> Provider { get; }

    /// <summary><c>--connection</c>, <c>-c</c>.</summary>
    public Option<string?> Connection { get; }

    /// <summary>The provider and connection string the command line and environment name (the connection string may be null).</summary>
    public (string Provider, string? ConnectionString) Resolve(ParseResult parse)
    {
        var provider = parse.GetValue(Provider) ?? StoreProviders.Default;
        var connection = parse.GetValue(Connection)
            ?? _console.GetEnvironment(ConnectionVariable)
            ?? _console.GetEnvironment(HostConnectionVariable);
        return (provider, connection);
    }

    private string? EnvironmentProvider => _console.GetEnvironment(ProviderVariable) ?? _console.GetEnvironment(HostProviderVariable);
}
