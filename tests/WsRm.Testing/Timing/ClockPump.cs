using System.Diagnostics;

namespace WsRm.Testing;

/// <summary>
/// Runs the timers of code that does real I/O on a <see cref="TestClock"/>, one at a time: the clock jumps to the
/// next armed timer only once no request is in flight (<see cref="TrafficRecorder.IsIdle"/>) and the code's own timer
/// loop has armed the timer it reports as due (<c>nextDue</c>). Between two jumps the I/O runs to completion, so what
/// happens depends on the order of events, not on how fast the machine is.
/// </summary>
public static class ClockPump
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Jumps from timer to timer, never past <paramref name="until"/>, until <paramref name="done"/> holds. Throws
    /// <see cref="TimeoutException"/> when it does not hold within <see cref="Bounded.Long"/> of real time (the code
    /// under test did not finish by <paramref name="until"/> of clock time, or its I/O never settled).
    /// </summary>
    /// <param name="clock">The clock the code under test runs on.</param>
    /// <param name="traffic">The client's requests.</param>
    /// <param name="done">The end condition, checked whenever things settle.</param>
    /// <param name="nextDue">When the code's timer loop means to wake next (null: it has nothing due).</param>
    /// <param name="until">The latest clock time the pump may move to.</param>
    public static async Task RunUntilAsync(this TestClock clock, TrafficRecorder traffic, Func<bool> done,
        Func<DateTimeOffset?> nextDue, DateTimeOffset until)
    {
        var real = Stopwatch.StartNew();
        while (true)
        {
            var changed = Task.WhenAny(clock.Changed, traffic.Changed);
            if (Settled(clock, traffic, nextDue))
            {
                if (done()) return;
                // Never past `until`: a timer beyond it is left alone, and the condition has until the real-time bound to
                // hold (the code under test may be between two steps of one state change).
                if (clock.NextTimer is { } next && next > clock.GetUtcNow() && next <= until)
                {
                    clock.SetUtcNow(next);
                    continue;
                }
            }
            if (real.Elapsed > Bounded.Long)
                throw new TimeoutException($"Not done after {clock.GetUtcNow() - clock.Start} of clock time (the next timer is at {clock.NextTimer - clock.Start}, the limit at {until - clock.Start}), nor within {Bounded.Long} of real time.");
            await Task.WhenAny(changed, Task.Delay(Recheck)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs in the background until <paramref name="stop"/> is cancelled, jumping to the next armed timer whenever
    /// things settle and that timer is at most <paramref name="maxStep"/> away. The step bound keeps the pump from
    /// firing the long timers (a call's operation timeout) during a moment of calm while the test's own code is about
    /// to send more: only timers of the retransmission schedule are that close.
    /// </summary>
    public static async Task PumpAsync(this TestClock clock, TrafficRecorder traffic, Func<DateTimeOffset?> nextDue, TimeSpan maxStep,
        CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var changed = Task.WhenAny(clock.Changed, traffic.Changed);
            var now = clock.GetUtcNow();
            if (Settled(clock, traffic, nextDue) && clock.NextTimer is { } next && next > now && next - now <= maxStep)
            {
                clock.SetUtcNow(next);
                continue;
            }
            await Task.WhenAny(changed, Task.Delay(Recheck, stop)).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the clock by <paramref name="by"/>, timer by timer, letting the I/O each one starts settle in between.</summary>
    public static async Task AdvanceAsync(this TestClock clock, TrafficRecorder traffic, Func<DateTimeOffset?> nextDue, TimeSpan by)
    {
        var until = clock.GetUtcNow() + by;
        await clock.RunUntilAsync(traffic, () => clock.NextTimer is not { } next || next > until, nextDue, until).ConfigureAwait(false);
        await traffic.IdleAsync().ConfigureAwait(false);
        clock.SetUtcNow(until);
        await traffic.IdleAsync().ConfigureAwait(false);
    }

    // No request in flight, and the timer loop is asleep on the timer for its next due time (or has nothing due).
    private static bool Settled(TestClock clock, TrafficRecorder traffic, Func<DateTimeOffset?> nextDue)
    {
        if (!traffic.IsIdle) return false;
        if (nextDue() is not { } due) return true;
        return due > clock.GetUtcNow() && clock.IsArmedAt(due);
    }
}
