using System.Diagnostics;
using System.Net;
using System.Text;
using WsRm.Client.Tests.Infrastructure;

namespace WsRm.Client.Tests.Network;

/// <summary>
/// A real squid on 127.0.0.1 (<c>squid -N</c>, a child of the test process) with Basic authentication, its own
/// configuration, logs and state in a temporary directory. Missing squid fails the tests that use it, saying how to
/// install it. Disposal shuts squid down (SIGTERM, then the whole process tree killed), removes any shared-memory
/// segment it left, and deletes the directory: no process is left behind.
/// </summary>
public sealed class SquidFixture : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private SquidConfig _config = null!;
    private Process? _process;
    private string? _serviceName;

    /// <summary>The proxy's address, http://127.0.0.1:port/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The one user squid accepts.</summary>
    public string User => SquidConfig.User;

    /// <summary>That user's (random) password.</summary>
    public string Password => _config.Password;

    /// <summary>The right credentials.</summary>
    public NetworkCredential Credentials => new(User, Password);

    public async Task InitializeAsync()
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The squid tests run on Linux or macOS.");
        var squid = SquidInstallation.Squid();
        var helper = SquidInstallation.BasicNcsaAuth();
        var directory = Directory.CreateTempSubdirectory("wsrm-squid-").FullName;
        _config = new SquidConfig(directory, TcpPorts.Free(), helper);
        _config.Write();
        // The service name prefixes squid's shared-memory segments; a unique one keeps parallel squids apart.
        _serviceName = "wsrm" + Guid.NewGuid().ToString("N")[..12];
        var start = new ProcessStartInfo(squid)
        {
            ArgumentList = { "-N", "-n", _serviceName, "-f", _config.ConfigPath },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{squid} did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Address = new Uri($"http://127.0.0.1:{_config.Port}/");

        var deadline = Stopwatch.StartNew();
        while (!await TcpPorts.AcceptsAsync(_config.Port))
        {
            if (_process.HasExited || deadline.Elapsed > Bounded.Long)
            {
                var error = $"squid did not open 127.0.0.1:{_config.Port} (exit code {(_process.HasExited ? _process.ExitCode : "none, still running")}).{Environment.NewLine}{Diagnostics()}";
                await DisposeAsync();
                throw new InvalidOperationException(error);
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A proxy for squid with <paramref name="credentials"/>; loopback is not bypassed.</summary>
    public WebProxy Proxy(ICredentials? credentials) => new(Address) { Credentials = credentials, BypassProxyOnLocal = false };

    /// <summary>The access log so far.</summary>
    internal IReadOnlyList<SquidLogEntry> AccessLog()
    {
        if (!File.Exists(_config.AccessLogPath)) return [];
        using var stream = new FileStream(_config.AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var entries = new List<SquidLogEntry>();
        while (reader.ReadLine() is { } line)
            if (SquidLogEntry.Parse(line) is { } entry) entries.Add(entry);
        return entries;
    }

    /// <summary>
    /// The access log entries after the first <paramref name="skip"/>, once at least <paramref name="atLeast"/> match
    /// (squid writes a line when a request ends, in its own time: polled, within <see cref="Bounded.Short"/>).
    /// </summary>
    internal async Task<IReadOnlyList<SquidLogEntry>> AccessLogAsync(int skip, Func<SquidLogEntry, bool> match, int atLeast)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var entries = AccessLog().Skip(skip).ToList();
            if (entries.Count(match) >= atLeast || deadline.Elapsed > Bounded.Short) return entries;
            await Task.Delay(50);
        }
    }

    /// <summary>squid's console output and cache.log, for failure messages.</summary>
    internal string Diagnostics()
    {
        string output;
        lock (_output) output = _output.ToString();
        var cacheLog = File.Exists(_config.CacheLogPath) ? File.ReadAllText(_config.CacheLogPath) : "(no cache.log)";
        return $"squid output:{Environment.NewLine}{output}{Environment.NewLine}cache.log:{Environment.NewLine}{cacheLog}";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await ProcessTree.StopAsync(_process, TimeSpan.FromSeconds(5));
            _process.Dispose();
            _process = null;
        }
        if (_serviceName is not null && Directory.Exists("/dev/shm"))
            foreach (var segment in Directory.GetFiles("/dev/shm", _serviceName + "-*")) File.Delete(segment);
        if (_config is not null && Directory.Exists(_config.Directory)) Directory.Delete(_config.Directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
