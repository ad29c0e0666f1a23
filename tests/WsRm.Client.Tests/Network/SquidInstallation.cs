namespace WsRm.Client.Tests.Network;

/// <summary>Finds the squid binary and its basic_ncsa_auth helper (Debian/Ubuntu, Fedora/RHEL, Alpine, Homebrew paths).</summary>
internal static class SquidInstallation
{
    public const string Missing = "squid is not installed: run .ci/run or apt-get install squid (the proxy tests start a real squid on 127.0.0.1).";

    private static readonly string[] BinaryDirectories = ["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/sbin"];
    private static readonly string[] HelperDirectories = ["/usr/lib/squid", "/usr/lib64/squid", "/usr/libexec/squid", "/usr/local/libexec/squid", "/opt/homebrew/libexec/squid"];

    /// <summary>The squid executable; throws <see cref="InvalidOperationException"/> saying how to install it when missing.</summary>
    public static string Squid() => Find("squid", PathDirectories().Concat(BinaryDirectories))
        ?? throw new InvalidOperationException(Missing);

    /// <summary>The basic_ncsa_auth helper; throws like <see cref="Squid"/> when missing.</summary>
    public static string BasicNcsaAuth() => Find("basic_ncsa_auth", HelperDirectories)
        ?? throw new InvalidOperationException("basic_ncsa_auth was not found under " + string.Join(", ", HelperDirectories) + ". " + Missing);

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string? Find(string name, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
