using System.Diagnostics;

namespace WsRm.Interop.Tests.Gsoap;

/// <summary>
/// A running gSOAP program: its stdout lines as they come, its stderr, bounded waits. Disposing kills it (and anything
/// it started) if it still runs and checks that it is gone.
/// </summary>
internal sealed class GsoapProcess : IAsyncDisposable
{
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private TaskCompletionSource _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GsoapProcess(Process process)
    {
        _process = process;
        _stdout = PumpAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The program's arguments and name, for messages.</summary>
    public required string Description { get; init; }

    /// <summary>The stdout lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lock) return _lines.ToArray(); }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/>.</summary>
    public static GsoapProcess Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        return new GsoapProcess(process) { Description = $"{Path.GetFileName(program)} {string.Join(' ', arguments)}" };
    }

    /// <summary>The first stdout line that starts with <paramref name="prefix"/>, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task added;
            lock (_lock)
            {
                if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line) return line;
                added = _lineAdded.Task;
            }
            if (_stdout.IsCompleted) throw new InvalidOperationException($"{Description} ended without printing '{prefix}'.\n{await ReportAsync()}");
            try
            {
                await Task.WhenAny(added, _stdout).WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Description} printed no '{prefix}' within {timeout}.\n{await ReportAsync()}");
            }
        }
    }

    /// <summary>Waits for the program to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Description} did not end within {timeout}.\n{await ReportAsync()}");
        }
        await _stdout.WaitAsync(KillTimeout);
        return _process.ExitCode;
    }

    /// <summary>Stdout and stderr so far, for assertion messages.</summary>
    public async Task<string> ReportAsync()
    {
        var stderr = _stderr.IsCompleted ? await _stderr : "(still running)";
        return $"stdout:\n{string.Join('\n', Lines)}\nstderr:\n{stderr}";
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        using (var cancel = new CancellationTokenSource(KillTimeout))
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        var survived = !_process.HasExited;
        _process.Dispose();
        if (survived) throw new InvalidOperationException($"{Description} survived being killed.");
    }

    private async Task PumpAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            TaskCompletionSource added;
            lock (_lock)
            {
                _lines.Add(line);
                added = _lineAdded;
                _lineAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            added.TrySetResult();
        }
    }
}
