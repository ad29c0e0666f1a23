using System.Diagnostics;

namespace WsRm.Interop.Tests.Gsoap;

/// <summary>
/// The gSOAP WS-RM programs of <c>interop/gsoap</c>, built once per test run by <c>interop/gsoap/build.sh</c> from
/// Debian's gsoap and libgsoap-dev into a temporary directory (removed when the test process ends). Set
/// <c>WSRM_GSOAP_BIN</c> to a directory that build.sh already filled to skip the build.
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

        var output = Path.Combine(Path.GetTempPath(), $"wsrm-gsoap-{Environment.ProcessId}-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var script = Path.Combine(RepositoryRoot(), "interop", "gsoap", "build.sh");
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
        return output;
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
