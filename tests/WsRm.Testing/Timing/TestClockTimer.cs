namespace WsRm.Testing;

/// <summary>A timer of a <see cref="TestClock"/>: the fake clock's own timer, with its due time reported to the clock.</summary>
internal sealed class TestClockTimer(TestClock clock, TimerCallback callback) : ITimer
{
    private readonly TestClock _clock = clock;
    private readonly TimerCallback _callback = callback;
    private readonly Lock _lock = new();
    private ITimer? _inner;
    private object? _state;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    /// <summary>The name given by <see cref="TestClock.NameNextTimer"/>, if any.</summary>
    public string? Name { get; init; }

    /// <summary>When it fires next; null when disarmed.</summary>
    public DateTimeOffset? Due { get; private set; }

    public void Attach(ITimer inner, object? state)
    {
        _inner = inner;
        _state = state;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (_disposed) return false;
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
            changed = _clock.Track(this, Due);
        }
        var result = _inner!.Change(dueTime, period);
        changed.TrySetResult(); // only once the fake clock's timer is armed: a test may move the clock on this signal
        return result;
    }

    public static void Fire(object? self)
    {
        var timer = (TestClockTimer)self!;
        TaskCompletionSource changed;
        lock (timer._lock)
        {
            if (timer._disposed) return;
            timer.Due = timer._period == Timeout.InfiniteTimeSpan || timer._period == TimeSpan.Zero ? null : timer.Due + timer._period;
            changed = timer._clock.Track(timer, timer.Due);
        }
        changed.TrySetResult();
        timer._callback(timer._state);
    }

    public void Dispose()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            Due = null;
            changed = _clock.Track(this, null);
        }
        _inner?.Dispose();
        changed.TrySetResult();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
