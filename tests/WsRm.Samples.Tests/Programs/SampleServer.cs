namespace WsRm.Samples.Tests.Programs;

/// <summary>
/// A server sample (an ASP.NET Core program) in a child process on a free loopback port
/// (<c>dotnet Sample.dll --urls http://127.0.0.1:PORT …</c>), started once it logs "Now listening on"; disposing kills it.
/// </summary>
public sealed class SampleServer : IAsyncDisposable
{
    /// <summary>How long a server may take to start on a loaded machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly string[] _args;
    private ToolProcess _process;

    private SampleServer(string dll, string[] args, int port, ToolProcess process)
    {
        _dll = dll;
        _args = args;
        Port = port;
        _process = process;
    }

    /// <summary>The loopback port, the same after <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>The program's output so far (both streams), for failure messages.</summary>
    public string Output => _process.Output();

    /// <summary>An absolute URL on the server, e.g. <c>Url("/echo")</c>.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Starts the sample built from <paramref name="projectDirectory"/> with <paramref name="args"/> after <c>--urls</c>.</summary>
    public static async Task<SampleServer> StartAsync(string projectDirectory, params string[] args)
    {
        var dll = Repository.Program(projectDirectory);
        var port = TcpPorts.Free();
        var server = new SampleServer(dll, args, port, Launch(dll, port, args));
        try
        {
            await server.WaitUntilListeningAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for the line that names <paramref name="text"/> on standard output (a log line of the program).</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) =>
        _process.WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Kills the server (SIGKILL) and starts it again, same port, same arguments.</summary>
    public async Task RestartAsync()
    {
        _process.Kill();
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = Launch(_dll, Port, _args);
        await WaitUntilListeningAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private Task WaitUntilListeningAsync() => WaitForLineAsync($"Now listening on: http://127.0.0.1:{Port}", StartTimeout);

    private static ToolProcess Launch(string dll, int port, string[] args) =>
        ToolProcess.Start(dll, ["--urls", $"http://127.0.0.1:{port}", .. args]);
}
