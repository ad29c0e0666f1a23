using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WsRm.Testing;

/// <summary>
/// A built console program (such as the queued sender sample or <c>wsrm</c>) in a child process
/// (<c>dotnet tool.dll …</c>): what it prints is kept, standard output line by line for assertions
/// (<see cref="WaitForLineAsync"/>), both streams for failure messages (<see cref="Output"/>). <see cref="Terminate"/> asks it to stop (SIGTERM);
/// <see cref="Kill"/> ends it as a crash does (SIGKILL to it and every descendant, no shutdown code runs). Disposing kills it; safe from any thread
/// and more than once, so no process is left behind.
/// </summary>
public sealed class ToolProcess : IDisposable, IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<string> _standardOutput = [];
    private readonly List<string> _output = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Process _process;
    private readonly string _name;
    private int _streamsOpen = 2;
    private bool _disposed;

    private ToolProcess(string dll, IReadOnlyList<string> args, string? workingDirectory)
    {
        _name = Path.GetFileNameWithoutExtension(dll);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        _output.Add($"$ {_name} {string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Received(e.Data, standardOutput: true);
        _process.ErrorDataReceived += (_, e) => Received(e.Data, standardOutput: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> in <paramref name="workingDirectory"/> (default: the dll's).</summary>
    public static ToolProcess Start(string dll, IReadOnlyList<string> args, string? workingDirectory = null) => new(dll, args, workingDirectory);

    /// <summary>Runs the program to its end (killed after <paramref name="timeout"/>); returns its exit code and standard output.</summary>
    public static async Task<ToolResult> RunAsync(string dll, IReadOnlyList<string> args, TimeSpan timeout)
    {
        await using var tool = Start(dll, args);
        var exitCode = await tool.WaitForExitAsync(timeout).ConfigureAwait(false);
        return new ToolResult(exitCode, tool.StandardOutput(), tool.Output());
    }

    /// <summary>The lines printed on standard output so far.</summary>
    public IReadOnlyList<string> StandardOutput()
    {
        lock (_lock) return [.. _standardOutput];
    }

    /// <summary>The command and everything it printed so far, both streams (standard error marked), for failure messages.</summary>
    public string Output()
    {
        lock (_lock) return string.Join(Environment.NewLine, _output);
    }

    /// <summary>
    /// The first line of standard output (printed already or later) that <paramref name="match"/> accepts; throws with
    /// the output when the program ends without printing one or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_standardOutput.FirstOrDefault(match) is { } line) return line;
            if (_streamsOpen == 0) throw new InvalidOperationException($"{_name} ended without printing the line waited for:{Environment.NewLine}{Output()}");
            _waiters.Add((match, found));
        }
        try
        {
            return await found.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_name} did not print the line waited for within {timeout}:{Environment.NewLine}{Output()}");
        }
    }

    /// <summary>Waits until the program has exited and its output is read; returns its exit code; throws with its output after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            await _outputEnded.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_name} did not exit within {timeout}:{Environment.NewLine}{Output()}");
        }
        return _process.ExitCode;
    }

    /// <summary>Asks the program to stop as Ctrl+C or a service manager would: SIGTERM to it alone; returns at once.</summary>
    public void Terminate()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) throw new PlatformNotSupportedException("SIGTERM needs a POSIX system.");
        if (!_process.HasExited && SendSignal(_process.Id, SigTerm) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    /// <summary>Kills the program as a crash would: SIGKILL to it and every descendant; returns once it has exited.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited meanwhile.
        }
        if (!_process.WaitForExit(ExitWait)) throw new InvalidOperationException($"{_name} (pid {_process.Id}) did not exit within {ExitWait} of SIGKILL.");
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        Kill();
        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Received(string? line, bool standardOutput)
    {
        List<TaskCompletionSource<string>> ended = [];
        List<(TaskCompletionSource<string> Found, string Line)> found = [];
        lock (_lock)
        {
            if (line is null)
            {
                if (--_streamsOpen > 0) return;
                ended.AddRange(_waiters.Select(w => w.Found));
                _waiters.Clear();
            }
            else
            {
                _output.Add(standardOutput ? line : "[stderr] " + line);
                if (!standardOutput) return;
                _standardOutput.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    found.Add((waiter.Found, line));
                }
            }
        }
        foreach (var (tcs, text) in found) tcs.TrySetResult(text);
        if (line is not null) return;
        foreach (var tcs in ended)
            tcs.TrySetException(new InvalidOperationException($"{_name} ended without printing the line waited for:{Environment.NewLine}{Output()}"));
        _outputEnded.TrySetResult();
    }
}
