using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace WsRm.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a new directory under /tmp, then <c>pg_ctl start</c> listening on
/// 127.0.0.1 and a free port only (its Unix socket in that directory), password authentication for the superuser
/// <c>postgres</c> with a random password. Run as <see cref="PostgreSqlInstallation.TestUser"/> under root. Disposal stops
/// it, checks that none of its processes is left, and deletes the directory; a cluster whose test process died
/// without that is stopped and deleted by the next one started.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string Prefix = "wsrm-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _bin;
    private readonly string? _user;
    private readonly string _directory;
    private bool _disposed;

    private PostgreSqlCluster(string bin, string? user, string directory, string password)
    {
        _bin = bin;
        _user = user;
        _directory = directory;
        Password = password;
    }

    /// <summary>The superuser's password.</summary>
    public string Password { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "server.log");

    /// <summary>A connection string for <paramref name="database"/> as the superuser, over TCP on loopback.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    /// <summary>Creates and starts a cluster; throws, saying what to install, when PostgreSQL is missing.</summary>
    public static async Task<PostgreSqlCluster> StartAsync()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException($"The PostgreSQL tests start their own server on Linux; elsewhere set {PostgreSqlInstallation.ServerVariable}.");
        var bin = PostgreSqlInstallation.Binaries();
        var user = await PostgreSqlInstallation.ServerUserAsync();
        await RemoveAbandonedAsync(bin, user);
        var directory = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(Path.Combine(directory, "owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var cluster = new PostgreSqlCluster(bin, user, directory, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        try
        {
            await cluster.CreateAsync();
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task CreateAsync()
    {
        var passwordFile = Path.Combine(_directory, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (_user is not null) await CommandRunner.RunCheckedAsync("chown", ["-R", _user, _directory], CommandTimeout);
        await RunAsync("initdb", "-D", DataDirectory, "-U", "postgres", "--pwfile=" + passwordFile, "--auth=scram-sha-256",
            "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
        // Loopback only, the socket in our directory (not /var/run/postgresql), room for several stores' pools; fsync stays on.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{_directory}'\nshared_buffers = 64MB\nmax_connections = 200\n");
    }

    /// <summary>Starts the server (again), on a free port the first time; returns once it accepts connections.</summary>
    public async Task StartServerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            if (Port == 0 || attempt > 1) Port = FreePort();
            var (code, output) = await RunUncheckedAsync("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {Port}", "start");
            if (code == 0) return;
            // Another process may have taken the port since we saw it free.
            if (attempt == 3) throw new InvalidOperationException($"pg_ctl start failed (exit code {code}):{Environment.NewLine}{output}{Environment.NewLine}{LogTail()}");
        }
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended, the server waits for nothing).</summary>
    public Task StopServerAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary><c>pg_ctl restart</c>: a fast shutdown, then a start with the same options (and the log file, without which the new server would write to pg_ctl's output).</summary>
    public Task RestartServerAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-m", "fast", "-w", "-t", "60", "restart");

    /// <summary>The postmaster's process id, or null when it is not running.</summary>
    public int? ServerProcessId()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var pid) && ServerProcesses.IsRunning(pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        var left = "";
        if (ServerProcessId() is { } postmaster)
        {
            var processes = ServerProcesses.TreeOf(postmaster);
            var (code, _) = await RunUncheckedAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");
            if (code != 0) await RunUncheckedAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop");
            left = await ServerProcesses.EnsureGoneAsync(processes, TimeSpan.FromSeconds(30));
        }
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        if (left.Length > 0) throw new InvalidOperationException($"PostgreSQL processes outlived the cluster's shutdown and were killed: {left}");
    }

    private string LogTail() => File.Exists(LogFile) ? "server log:" + Environment.NewLine + string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(30)) : "(no server log)";

    private Task RunAsync(string program, params string[] arguments) =>
        CommandRunner.RunCheckedAsync(Path.Combine(_bin, program), arguments, CommandTimeout, _user);

    private Task<(int ExitCode, string Output)> RunUncheckedAsync(string program, params string[] arguments) =>
        CommandRunner.RunAsync(Path.Combine(_bin, program), arguments, CommandTimeout, _user);

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    // Clusters whose test process is gone (killed before disposing them): stop and delete them.
    private static async Task RemoveAbandonedAsync(string bin, string? user)
    {
        var root = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        foreach (var directory in Directory.GetDirectories(root, Prefix + "*"))
        {
            try
            {
                var owner = Path.Combine(directory, "owner");
                if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) || ServerProcesses.IsRunning(pid)) continue;
                var data = Path.Combine(directory, "data");
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    await CommandRunner.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"], CommandTimeout, user);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or being created: leave it.
            }
        }
    }
}
