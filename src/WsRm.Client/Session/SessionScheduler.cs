namespace WsRm.Client;

/// <summary>
/// The one timer loop of a session: sleeps (on the injected <see cref="TimeProvider"/>) until the time
/// <c>nextDue</c> reports or until <see cref="Wake"/>, then calls <c>onDue</c> with the current time. The callbacks
/// are the session's: retransmissions, reply recovery, keep-alive. No other clock is used, so tests drive it with a
/// FakeTimeProvider.
/// </summary>
internal sealed class SessionScheduler(TimeProvider time, Func<DateTimeOffset?> nextDue, Action<DateTimeOffset> onDue)
{
    private const long Running = long.MinValue;
    private const long NoTimer = long.MaxValue;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The due time (UTC ticks) the loop sleeps until; Running while it computes, NoTimer when nothing is due.
    private long _armed = Running;

    /// <summary>Raised each time the loop is about to wait (for tests: the timer is armed).</summary>
    public event Action<DateTimeOffset?>? Waiting;

    /// <summary>Makes the loop re-read <c>nextDue</c> now.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>
    /// Wakes the loop only when <c>nextDue</c> is now earlier than the time it sleeps until. A later one needs no
    /// wake-up: the loop re-reads <c>nextDue</c> when it wakes anyway. Per message this spares a thread-pool hop and
    /// a new timer.
    /// </summary>
    public void WakeIfEarlier()
    {
        var armed = Volatile.Read(ref _armed);
        if (armed != Running && (nextDue() is not { } due || due.UtcTicks >= armed)) return;
        Wake();
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; never throws for that.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // Reset before reading the due time: a Wake after this point completes the task we wait on.
            if (_wake.Task.IsCompleted) Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var wake = _wake.Task;
            Volatile.Write(ref _armed, Running);
            var due = nextDue();
            var now = time.GetUtcNow();
            if (due is { } d && d <= now)
            {
                onDue(now);
                continue;
            }

            // Published after reading nextDue; a WakeIfEarlier that reads Running instead wakes unconditionally.
            Volatile.Write(ref _armed, due?.UtcTicks ?? NoTimer);
            Waiting?.Invoke(due);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = due is { } at ? Task.Delay(at - now, time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            await Task.WhenAny(delay, wake).ConfigureAwait(false);
            stop.Cancel();
            try
            {
                await delay.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // woken or stopped
            }
        }
    }
}
