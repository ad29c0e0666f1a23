using System.Diagnostics;

namespace WsRm.Testing;

/// <summary>
/// Runs the timers of code that does real I/O on a <see cref="TestClock"/>, one at a time: the clock jumps to the
/// next armed timer only once no request is in flight (<see cref="TrafficRecorder.IsIdle"/>) and the code's own timer
/// loop is asleep on its timer (<c>asleep</c>: it has armed the timer it means to wake at). Between two jumps the I/O
/// runs to completion, so what happens depends on the order of events, not on how fast the machine is.
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
    /// <param name="asleep">True when the code's timer loop has armed its timer (or has nothing due).</param>
    /// <param name="wakeAt">When the loop means to wake, if that may fall before its timer (a delay rounded down); null when unknown.</param>
    /// <param name="until">The latest clock time the pump may move to.</param>
    public static async Task RunUntilAsync(this TestClock clock, TrafficRecorder traffic, Func<bool> done,
        Func<bool> asleep, Func<DateTimeOffset?> wakeAt, DateTimeOffset until)
    {
        var real = Stopwatch.StartNew();
        while (true)
        {
            var changed = Task.WhenAny(clock.Changed, traffic.Changed);
            if (Settled(traffic, asleep))
            {
                if (done()) return;
                // Never past `until`: a timer beyond it is left alone, and the condition has until the real-time bound to
                // hold (the code under test may be between two steps of one state change).
                if (Next(clock, wakeAt) is { } next && next <= until)
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

    // The earliest of the next armed timer and the loop's own wake-up time, if later than now.
    private static DateTimeOffset? Next(TestClock clock, Func<DateTimeOffset?> wakeAt)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? next = clock.NextTimer is { } timer && timer > now ? timer : null;
        if (wakeAt() is { } wake && wake > now && (next is null || wake < next)) next = wake;
        return next;
    }

    // No request in flight, and the timer loop is asleep on its timer.
    private static bool Settled(TrafficRecorder traffic, Func<bool> asleep) => traffic.IsIdle && asleep();
}
