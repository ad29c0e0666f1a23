using System.Diagnostics;
using System.Text;

namespace WsRm.Testing.PostgreSql;

/// <summary>Runs a command to its end within a time limit, as the current user or another one (<c>runuser</c>, root only).</summary>
public static class CommandRunner
{
    /// <summary>Exit code and combined output; a command still running after <paramref name="timeout"/> is killed and reported.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, string? asUser = null)
    {
        var start = new ProcessStartInfo(asUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asUser is not null) foreach (var a in new[] { "-u", asUser, "--", file }) start.ArgumentList.Add(a);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{start.FileName} did not start.");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            return (-1, $"{Describe(start)} did not finish within {timeout.TotalSeconds:0} s and was killed.{Environment.NewLine}{Text(output)}");
        }
        return (process.ExitCode, Text(output));
    }

    /// <summary>Like <see cref="RunAsync"/>, throwing with the output when the exit code is not 0.</summary>
    public static async Task<string> RunCheckedAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, string? asUser = null)
    {
        var (code, output) = await RunAsync(file, arguments, timeout, asUser);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed (exit code {code}):{Environment.NewLine}{output}");
        return output;
    }

    private static string Describe(ProcessStartInfo start) => $"{start.FileName} {string.Join(' ', start.ArgumentList)}";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
