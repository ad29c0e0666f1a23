using System.Diagnostics;
using System.Net;

namespace WsRm.Testing;

/// <summary>
/// A built server (such as WsRm.Host.dll) in a child process (<c>dotnet host.dll --urls http://127.0.0.1:PORT …</c>) on
/// a loopback port chosen once: <see cref="Kill"/> ends it as a crash does (SIGKILL, the whole process tree, no
/// shutdown code runs) and <see cref="RestartAsync"/> starts it again with the same arguments on the same port. What it
/// prints (both streams, every run, restarts marked) is kept, the last <see cref="KeptLines"/> lines, for failure
/// messages. Disposing kills it; safe from any thread and more than once, so no process is left behind.
/// </summary>
public sealed class HostProcess : IDisposable, IAsyncDisposable
{
    /// <summary>Lines of output kept for <see cref="RecentOutput"/>.</summary>
    public const int KeptLines = 200;

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly string _hostDll;
    private readonly string[] _args;
    private readonly Queue<string> _output = new();
    private readonly Lock _lock = new();
    private Process? _process;
    private bool _disposed;

    private HostProcess(string hostDll, string[] args, int port)
    {
        _hostDll = hostDll;
        _args = args;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The loopback port, the same for every run.</summary>
    public int Port { get; }

    /// <summary>The server's root, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>How many times the process was started (1 after <see cref="Start"/>).</summary>
    public int Starts { get; private set; }

    /// <summary>The running child's process id.</summary>
    public int Id => Current().Id;

    /// <summary>CPU time the current server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var process = Current();
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>An absolute URL on the server, e.g. <c>Url("/durable/echo")</c>.</summary>
    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>
    /// Starts <paramref name="hostDll"/> with <c>--urls http://127.0.0.1:<paramref name="port"/></c> (a free port when
    /// null) followed by <paramref name="serverArgs"/>; <see cref="WaitUntilAnsweringAsync"/> next.
    /// </summary>
    public static HostProcess Start(string hostDll, IEnumerable<string> serverArgs, int? port = null)
    {
        var host = new HostProcess(hostDll, [.. serverArgs], port ?? TcpPorts.Free());
        host.Launch();
        return host;
    }

    /// <summary>
    /// Kills the server as a crash would: SIGKILL to it and every descendant, no shutdown; returns once it has exited
    /// (its port is free again). Nothing happens when it is not running.
    /// </summary>
    public void Kill()
    {
        Process? process;
        lock (_lock) process = _process;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited meanwhile.
        }
        if (!process.WaitForExit(ExitWait)) throw new InvalidOperationException($"The server (pid {process.Id}) did not exit within {ExitWait} of SIGKILL.");
    }

    /// <summary>Stops the server gracefully (SIGTERM, then killed after <paramref name="grace"/>); returns once it has exited.</summary>
    public Task StopAsync(TimeSpan grace)
    {
        Process? process;
        lock (_lock) process = _process;
        return process is null ? Task.CompletedTask : ProcessTree.StopAsync(process, grace);
    }

    /// <summary>
    /// Starts the server again, same arguments, same port (killed first if it still runs), and waits until it answers;
    /// returns how long that took from the start of the new process.
    /// </summary>
    public async Task<TimeSpan> RestartAsync(TimeSpan timeout)
    {
        Kill();
        var clock = Stopwatch.StartNew();
        Launch();
        await WaitUntilAnsweringAsync(timeout).ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>Polls GET / until the server answers 200; throws with its output when it exits or the time runs out.</summary>
    public async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        var process = Current();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The server exited with code {process.ExitCode}:{Environment.NewLine}{RecentOutput()}");
            try
            {
                using var response = await http.GetAsync(BaseUrl).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The server did not answer on {BaseUrl} within {timeout}:{Environment.NewLine}{RecentOutput()}");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines the server printed, over all its runs.</summary>
    public string RecentOutput()
    {
        lock (_output) return string.Join(Environment.NewLine, _output);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        Kill();
        lock (_lock)
        {
            _process?.Dispose();
            _process = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Launch()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var arg in _args) start.ArgumentList.Add(arg);

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _process?.Dispose();
            Starts++;
            Keep($"--- start {Starts} ---");
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, e) => Keep(e.Data);
            process.ErrorDataReceived += (_, e) => Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }
    }

    private Process Current()
    {
        lock (_lock) return _process ?? throw new InvalidOperationException("The server is not started.");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Count == KeptLines) _output.Dequeue();
            _output.Enqueue(line);
        }
    }
}
