using System.Diagnostics;

namespace WsRm.Interop.Tests.Gsoap;

/// <summary>
/// The gSOAP WS-RM programs of <c>interop/gsoap</c>, built by <c>interop/gsoap/build.sh</c> from Debian's gsoap and
/// libgsoap-dev at most once per test run, into <c>$TMPDIR/wsrm-gsoap-&lt;hash of the inputs&gt;</c> (reused while the
/// sources and the installed gSOAP stay the same). Set <c>WSRM_GSOAP_BIN</c> to a directory that build.sh already
/// filled to skip the build.
/// </summary>
internal static class GsoapBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    /// <summary>The path of program <paramref name="name"/>, e.g. "gsoap-client-rm10", building them all first if needed.</summary>
    public static async Task<string> ProgramAsync(string name)
    {
        var path = Path.Combine(await Built.Value.WaitAsync(BuildTimeout + TimeSpan.FromMinutes(1)), name);
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    private static async Task<string> BuildAsync()
    {
        if (Environment.GetEnvironmentVariable("WSRM_GSOAP_BIN") is { Length: > 0 } prebuilt) return prebuilt;

        // Keyed by what the programs are made of (our sources, the build script, the installed gSOAP): a later run on
        // the same machine reuses them; a change of either builds anew. Built aside, then moved into place, so two test
        // processes never see a half-built directory.
        var gsoap = Path.Combine(RepositoryRoot(), "interop", "gsoap");
        var key = Key([.. Directory.GetFiles(gsoap).Order(StringComparer.Ordinal), "/usr/share/gsoap/plugin/wsrmapi.c", "/usr/include/stdsoap2.h"]);
        var cached = Path.Combine(Path.GetTempPath(), "wsrm-gsoap-" + key);
        if (File.Exists(Path.Combine(cached, Complete))) return cached;

        var output = cached + "-" + Guid.NewGuid().ToString("N");
        try
        {
            await RunBuildAsync(Path.Combine(gsoap, "build.sh"), output);
            await File.WriteAllTextAsync(Path.Combine(output, Complete), key);
            try
            {
                Directory.Move(output, cached);
            }
            catch (IOException) when (File.Exists(Path.Combine(cached, Complete)))
            {
                // Another test process got there first; its build is the same.
            }
            return cached;
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private const string Complete = "build-complete";

    private static string Key(IEnumerable<string> files)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file)));
            if (File.Exists(file)) hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static async Task RunBuildAsync(string script, string output)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(output);
        using var build = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await build.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw new TimeoutException($"interop/gsoap/build.sh took longer than {BuildTimeout}.");
        }
        var log = await stdout + await stderr;
        if (build.ExitCode == 3) throw new InvalidOperationException("gSOAP is not installed; run: apt-get install gsoap libgsoap-dev\n" + log);
        if (build.ExitCode != 0) throw new InvalidOperationException($"interop/gsoap/build.sh failed ({build.ExitCode}):\n{log}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WsRm.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No WsRm.sln above {AppContext.BaseDirectory}.");
    }
}
