using Microsoft.Extensions.Time.Testing;

namespace WsRm.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its armed timers (every <c>Task.Delay</c>, timed
/// <c>CancellationTokenSource</c> and <c>CreateTimer</c> on it) and signals each change. A test can then wait until
/// the code under test has armed the timer it expects before moving the clock: moving it earlier would be lost on a
/// timer created afterwards (a relative due time counts from the clock's time at creation).
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    [ThreadStatic]
    private static string? t_nextTimerName;

    private readonly Lock _lock = new();
    // Each armed timer's due time as last reported (under the timer's own lock, so reports never arrive out of order).
    private readonly Dictionary<TestClockTimer, DateTimeOffset> _armed = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A clock starting at 2026-01-01T00:00:00Z.</summary>
    public TestClock() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due times of the armed timers.</summary>
    public IReadOnlyList<DateTimeOffset> Armed
    {
        get { lock (_lock) return [.. _armed.Values.Order()]; }
    }

    /// <summary>The earliest armed timer, or null.</summary>
    public DateTimeOffset? NextTimer
    {
        get { lock (_lock) return _armed.Count == 0 ? null : _armed.Values.Min(); }
    }

    /// <summary>Time since <see cref="FakeTimeProvider.Start"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Completes at the next timer armed, re-armed, fired or disposed.</summary>
    public Task Changed
    {
        get { lock (_lock) return _changed.Task; }
    }

    /// <summary>
    /// Names the next timer created on this thread (on any <see cref="TestClock"/>): for code that announces a wait
    /// (an event raised just before it arms its timer), so that the test can tell that timer from the others.
    /// </summary>
    public static void NameNextTimer(string name) => t_nextTimerName = name;

    /// <summary>When the armed timer named <paramref name="name"/> is due; null when none is armed.</summary>
    public DateTimeOffset? ArmedAt(string name)
    {
        lock (_lock) return _armed.Where(t => t.Key.Name == name).Select(t => (DateTimeOffset?)t.Value).Max();
    }

    /// <summary>True when a timer is armed for exactly <paramref name="due"/>.</summary>
    public bool IsArmedAt(DateTimeOffset due)
    {
        lock (_lock) return _armed.ContainsValue(due);
    }

    /// <summary>Waits (bounded) until a timer is armed for exactly <paramref name="due"/>.</summary>
    public async Task ArmedAtAsync(DateTimeOffset due)
    {
        while (true)
        {
            var changed = Changed;
            if (IsArmedAt(due)) return;
            await changed.Within(Bounded.Short).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TestClockTimer(this, callback) { Name = t_nextTimerName };
        t_nextTimerName = null;
        timer.Attach(base.CreateTimer(TestClockTimer.Fire, timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), state);
        timer.Change(dueTime, period);
        return timer;
    }

    // Called under the timer's lock with its new due time (null: disarmed); the caller completes the returned signal
    // once it released that lock.
    internal TaskCompletionSource Track(TestClockTimer timer, DateTimeOffset? due)
    {
        lock (_lock)
        {
            if (due is { } at) _armed[timer] = at;
            else _armed.Remove(timer);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return changed;
        }
    }
}
