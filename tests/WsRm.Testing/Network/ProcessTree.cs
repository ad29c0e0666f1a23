using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WsRm.Testing;

/// <summary>
/// Stops a child process and everything it started: SIGTERM first (a clean shutdown), then the whole tree killed.
/// Descendants (such as squid's helpers) can outlive their parent by a moment and be reparented; they are recorded
/// before the signal, and waited for, or killed, before this returns.
/// </summary>
public static class ProcessTree
{
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    /// <summary>Asks <paramref name="process"/> to stop, waits up to <paramref name="grace"/>, then kills its tree; waits until no descendant runs.</summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited) return;
        var descendants = Descendants(process.Id);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Kill(process.Id, SigTerm);
        using (var wait = new CancellationTokenSource(grace))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // did not stop in time
            }
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var deadline = Stopwatch.StartNew();
        while (descendants.Any(IsRunning) && deadline.Elapsed < grace) await Task.Delay(50);
        foreach (var pid in descendants.Where(IsRunning))
        {
            try
            {
                using var straggler = Process.GetProcessById(pid);
                straggler.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // gone meanwhile
            }
        }
    }

    // Linux: every process whose parent chain leads to pid, from /proc/<n>/stat ("pid (comm) state ppid ...").
    private static List<int> Descendants(int root)
    {
        if (!Directory.Exists("/proc")) return [];
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } stat) parents[pid] = stat.Parent;
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        return found;
    }

    // Running: it exists and is not a zombie (a zombie is its new parent's to reap; it runs nothing).
    private static bool IsRunning(int pid) => Stat(pid) is { } stat && stat.State != 'Z';

    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
