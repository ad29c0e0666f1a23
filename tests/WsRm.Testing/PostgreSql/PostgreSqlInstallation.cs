using System.Globalization;

namespace WsRm.Testing.PostgreSql;

/// <summary>
/// Finds PostgreSQL's server programs (initdb, pg_ctl, postgres) for a throwaway cluster, and the user to run them as:
/// the current one, or, under root (which PostgreSQL refuses), the unprivileged system user <see cref="TestUser"/>,
/// created when missing.
/// </summary>
public static class PostgreSqlInstallation
{
    /// <summary>The system user that runs test clusters when the tests run as root.</summary>
    public const string TestUser = "wsrmtest";

    /// <summary>Environment variable: the directory holding initdb and pg_ctl, when not in a standard place.</summary>
    public const string BinVariable = "WSRM_POSTGRES_BIN";

    /// <summary>Environment variable: an Npgsql connection string of a server to test on instead of a throwaway one.</summary>
    public const string ServerVariable = "WSRM_TEST_POSTGRES";

    public const string Missing =
        "PostgreSQL's server programs (initdb, pg_ctl) were not found: the PostgreSQL store tests start a throwaway server. " +
        "Install PostgreSQL (Debian/Ubuntu: apt-get install postgresql, which puts them in /usr/lib/postgresql/<version>/bin; .ci/run does this), " +
        $"or set {BinVariable} to the directory holding them, or set {ServerVariable} to the connection string of a server " +
        "on which the tests may create and drop databases.";

    /// <summary>The directory with initdb and pg_ctl: <see cref="BinVariable"/>, else the newest /usr/lib/postgresql/N/bin, else PATH.</summary>
    public static string Binaries()
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured)
            return HasServer(configured) ? configured : throw new InvalidOperationException($"{BinVariable}={configured} has no initdb and pg_ctl. {Missing}");
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => HasServer(d.Bin)).OrderByDescending(d => d.Version).Select(d => d.Bin)
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(HasServer);
        return debian.Concat(path).FirstOrDefault() ?? throw new InvalidOperationException(Missing);
    }

    /// <summary>The user to run the server as: null for the current one, <see cref="TestUser"/> (created if missing) under root.</summary>
    public static async Task<string?> ServerUserAsync()
    {
        if (!Environment.IsPrivilegedProcess) return null;
        if (await ExistsAsync()) return TestUser;
        var (code, output) = await CommandRunner.RunAsync("useradd",
            ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", TestUser], TimeSpan.FromSeconds(30));
        // Another test run may have created it meanwhile.
        if (code != 0 && !await ExistsAsync())
            throw new InvalidOperationException($"PostgreSQL refuses to run as root, and the user {TestUser} could not be created (useradd exit code {code}): {output}");
        return TestUser;
    }

    private static async Task<bool> ExistsAsync() => (await CommandRunner.RunAsync("id", ["-u", TestUser], TimeSpan.FromSeconds(30))).ExitCode == 0;

    private static bool HasServer(string directory) => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
