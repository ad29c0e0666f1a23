using System.Diagnostics;
using System.Text;

namespace WsRm.Packaging.Tests;

/// <summary>
/// The dotnet command line in a child process, bounded in time (the whole process tree is killed past it). Build
/// servers are off (no MSBuild node or compiler server outlives the command) and the MSBuild variables of the test
/// run that started us are not passed on, so the command sees what a developer's shell would.
/// </summary>
public static class Dotnet
{
    /// <summary>Runs <c>dotnet <paramref name="args"/></c> in <paramref name="directory"/>; returns its exit code and both streams.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder($"$ dotnet {string.Join(' ', args)}   (in {directory}){Environment.NewLine}");
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            lock (output) throw new TimeoutException($"dotnet {string.Join(' ', args)} did not end within {timeout}:{Environment.NewLine}{output}");
        }
        process.WaitForExit();   // the output streams are read to their end
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Same as <see cref="RunAsync"/>; throws with the output unless the command succeeds.</summary>
    public static async Task<string> SucceedAsync(string directory, IReadOnlyList<string> args, TimeSpan timeout)
    {
        var (exitCode, output) = await RunAsync(directory, args, timeout);
        return exitCode == 0 ? output : throw new InvalidOperationException($"exit code {exitCode}:{Environment.NewLine}{output}");
    }
}
