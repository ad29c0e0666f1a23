namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// A session's timer loop as a <see cref="TestClock"/> sees it: the loop announces each wait (SessionScheduler.Waiting)
/// just before it arms its timer, which is named here so that <see cref="Asleep"/> can tell when the loop really sleeps
/// on it. The loop may sleep until a time earlier than the session's next due time (a later one does not wake it);
/// it then wakes, finds nothing due and sleeps again, which is fine: asleep means its timer is armed and not later
/// than what is due. Task.Delay rounds a delay down to whole milliseconds, so the loop's timer may fire up to 1 ms
/// before the time it announced (and a wait under 1 ms arms no timer at all: the loop spins until the clock reaches
/// it); <see cref="WakeAt"/> tells the pump that time.
/// </summary>
internal sealed class SessionTimers(TestClock clock)
{
    private const string LoopTimer = "session timer loop";
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private readonly Lock _lock = new();
    private WsRmSession? _session;
    private DateTimeOffset? _waitingFor;
    private bool _announced;

    /// <summary>Starts watching <paramref name="session"/>; wakes its loop so that it announces its current wait.</summary>
    public void Attach(WsRmSession session)
    {
        session.Scheduler.Waiting += due =>
        {
            if (due is not null) TestClock.NameNextTimer(LoopTimer);
            lock (_lock) (_announced, _waitingFor) = (true, due);
        };
        _session = session;
        session.Scheduler.Wake();
    }

    /// <summary>
    /// True when nothing of the session is about to happen without the clock moving: no session yet (or its loop has
    /// ended), or the loop is asleep on its armed timer, due no later than the session's next due time.
    /// </summary>
    public bool Asleep()
    {
        if (_session is not { } session || session.TimerLoop.IsCompleted) return true;
        bool announced;
        DateTimeOffset? waitingFor;
        lock (_lock) (announced, waitingFor) = (_announced, _waitingFor);
        if (!announced) return false;
        var next = session.NextDueTime;
        if (waitingFor is not { } waiting) return next is null;
        var now = clock.GetUtcNow();
        if (waiting <= now || next < waiting) return false; // about to run, or about to be woken for an earlier time
        if (waiting - now < Millisecond) return true;
        return clock.ArmedAt(LoopTimer) is { } armed && armed > now && armed <= waiting && waiting - armed < Millisecond;
    }

    /// <summary>The time the loop announced it would wake at, while it runs.</summary>
    public DateTimeOffset? WakeAt()
    {
        if (_session is not { } session || session.TimerLoop.IsCompleted) return null;
        lock (_lock) return _waitingFor;
    }
}
