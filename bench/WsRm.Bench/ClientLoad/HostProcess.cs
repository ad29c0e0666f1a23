using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// The built sample server (WsRm.Host.dll) in a child process on a free loopback port, so that the client process's
/// allocation and CPU counters see the client only. Disposing kills the whole process tree; it is safe to call from
/// any thread and more than once (Ctrl+C, process exit, an exception).
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private int _disposed;

    private HostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="hostDll"/> with <c>--urls</c> on a free port; <see cref="WaitUntilAnsweringAsync"/> next.</summary>
    public static HostProcess Start(string hostDll, IEnumerable<string> serverArgs)
    {
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var arg in serverArgs) start.ArgumentList.Add(arg);

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), url);
        host._process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The last lines the server printed.</summary>
    public string RecentOutput()
    {
        lock (_output) return string.Join(Environment.NewLine, _output);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    /// <summary>Polls GET / until the server answers 200; throws with its output when it exits or the time runs out.</summary>
    public async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput()}");
            try
            {
                using var response = await http.GetAsync(BaseUrl);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"the server did not answer on {BaseUrl} within {timeout}:{Environment.NewLine}{RecentOutput()}");
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Count == 40) _output.Dequeue();
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
