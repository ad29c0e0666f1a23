using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace WsRm.Testing.PostgreSql;

/// <summary>Looks at processes through /proc (Linux): a server and its children, to prove none is left after a shutdown.</summary>
public static class ServerProcesses
{
    public const int SigStop = 19;
    public const int SigCont = 18;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to each of <paramref name="pids"/> (Linux signal numbers).</summary>
    public static void Signal(IEnumerable<int> pids, int signal)
    {
        foreach (var pid in pids) _ = Kill(pid, signal);
    }

    /// <summary>True when <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && stat.State != 'Z';

    /// <summary><paramref name="root"/> and every process whose parent chain leads to it.</summary>
    public static List<int> TreeOf(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat) parents[pid] = stat.Parent;
        var found = new List<int> { root };
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        return found;
    }

    /// <summary>Waits up to <paramref name="grace"/> for <paramref name="pids"/> to end, kills what is left, and names it ("" when none was).</summary>
    public static async Task<string> EnsureGoneAsync(IReadOnlyList<int> pids, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        while (pids.Any(IsRunning) && deadline.Elapsed < grace) await Task.Delay(50);
        var left = pids.Where(IsRunning).ToList();
        foreach (var pid in left)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // gone meanwhile
            }
        }
        return string.Join(", ", left);
    }

    // "pid (comm) state ppid ..."
    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
