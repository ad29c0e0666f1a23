using System.Diagnostics;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// One crash of the host during a <see cref="CallStream"/>, and what the client and the store had at that moment.
/// </summary>
/// <param name="After">Calls completed when the kill was ordered.</param>
/// <param name="InFlight">Calls started and not completed once the host was dead.</param>
/// <param name="CompletedAtKill">The calls completed once the host was dead (nothing completes from a dead host after that).</param>
/// <param name="RecordedAtKill">The texts the store had recorded once the host was dead, with their counts.</param>
/// <param name="Down">From the kill until the restarted host answered.</param>
/// <param name="Start">From the new process's start until it answered.</param>
/// <param name="AnsweringAt">When the restarted host answered (<see cref="Stopwatch.GetTimestamp"/>).</param>
public sealed record CrashPoint(int After, int InFlight, HashSet<int> CompletedAtKill, IReadOnlyDictionary<string, int> RecordedAtKill,
    TimeSpan Down, TimeSpan Start, long AnsweringAt)
{
    /// <summary>How long the test waits for the kill point to be reached.</summary>
    public static readonly TimeSpan ReachTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Waits until <paramref name="after"/> calls of <paramref name="stream"/> completed, kills the host (SIGKILL),
    /// notes what the client and the store (texts under <paramref name="prefix"/>) had then, and restarts the host on
    /// the same port and store. With <paramref name="hold"/>, answers are held from that point until one that
    /// <paramref name="signal"/> accepts is held, and those held are lost in the crash. <paramref name="whileDown"/>
    /// runs after the kill, before the restart (to read more of the store as the crash left it).
    /// </summary>
    public static async Task<CrashPoint> KillAndRestartAsync(HostProcess host, CallStream stream, int after, CrashStore store, string prefix,
        AnswerHold? hold = null, Func<string, bool>? signal = null, Func<Task>? whileDown = null)
    {
        await stream.AfterAsync(after).WaitAsync(ReachTimeout);
        if (hold is not null) await hold.Arm(signal ?? (_ => true)).WaitAsync(ReachTimeout);
        var killed = Stopwatch.StartNew();
        host.Kill();
        hold?.Drop();
        var completed = stream.CompletedNow();
        var inFlight = stream.Started - completed.Count;
        var recorded = await store.RecordedAsync(prefix);
        if (whileDown is not null) await whileDown();
        var start = await host.RestartAsync(CrashHost.StartTimeout);
        return new CrashPoint(after, inFlight, completed, recorded, killed.Elapsed, start, Stopwatch.GetTimestamp());
    }

    /// <summary>Calls of <paramref name="indices"/> the client had not seen complete whose text the store had recorded: run, committed, not yet answered.</summary>
    public int[] RecordedNotCompleted(IEnumerable<int> indices, Func<int, string> text) =>
        [.. indices.Where(i => !CompletedAtKill.Contains(i) && RecordedAtKill.ContainsKey(text(i)))];

    /// <summary>Calls of <paramref name="indices"/> the client had seen complete whose text the store had not recorded yet: acknowledged, not yet run.</summary>
    public int[] CompletedNotRecorded(IEnumerable<int> indices, Func<int, string> text) =>
        [.. indices.Where(i => CompletedAtKill.Contains(i) && !RecordedAtKill.ContainsKey(text(i)))];
}
