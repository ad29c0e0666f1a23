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
        lock (_lock)
        {
            if (_disposed) return false;
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
        }
        _clock.Track(this);
        return _inner!.Change(dueTime, period);
    }

    public static void Fire(object? self)
    {
        var timer = (TestClockTimer)self!;
        lock (timer._lock)
        {
            if (timer._disposed) return;
            timer.Due = timer._period == Timeout.InfiniteTimeSpan || timer._period == TimeSpan.Zero ? null : timer.Due + timer._period;
        }
        timer._clock.Track(timer);
        timer._callback(timer._state);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            Due = null;
        }
        _inner?.Dispose();
        _clock.Track(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
