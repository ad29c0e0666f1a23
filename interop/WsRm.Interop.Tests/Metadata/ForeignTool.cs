using System.Diagnostics;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// Runs a program nobody here wrote (node, python3, wsdl2h, soapcpp2, xmllint) to its end: its output is kept, it is
/// killed with everything it started when it outlives the timeout, and it is gone when this returns.
/// </summary>
internal static class ForeignTool
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; throws <see cref="TimeoutException"/> (with its output) past <paramref name="timeout"/>.</summary>
    public static async Task<ForeignResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string command = $"{program} {string.Join(' ', start.ArgumentList)}";
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(KillTimeout);
            throw new TimeoutException($"{command} did not end within {timeout}.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        }

        return new ForeignResult(command, process.ExitCode, await stdout.WaitAsync(KillTimeout), await stderr.WaitAsync(KillTimeout));
    }
}
