namespace WsRm.Server.Sequences;

/// <summary>
/// Cancellation tokens that fire when a request held now has waited <see cref="WsRmServerOptions.ReplyWaitTimeout"/>,
/// or when the host stops. Requests held within the same slice of time (an eighth of the timeout, at most one second)
/// share one token and one timer, so holding a request costs a registration, not a timer of its own; a request is
/// therefore released between one slice before its timeout and its timeout.
/// </summary>
internal sealed class ReplyDeadlines(TimeProvider time, TimeSpan timeout, CancellationToken stopping)
{
    private readonly long _slice = Math.Clamp(timeout.Ticks / 8, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond);
    private readonly Lock _lock = new();
    private CancellationTokenSource? _current;
    private long _currentSlice = long.MinValue;

    /// <summary>The token for a request held from now on.</summary>
    public CancellationToken Next()
    {
        var now = time.GetUtcNow();
        var slice = (now.UtcTicks + timeout.Ticks) / _slice;
        lock (_lock)
        {
            if (slice != _currentSlice || _current is null)
            {
                // Fires at the start of the slice the deadline falls in: never later than the timeout.
                var due = TimeSpan.FromTicks(Math.Max(0, slice * _slice - now.UtcTicks));
                var next = new CancellationTokenSource(due, time);
                if (stopping.CanBeCanceled) stopping.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), next);
                _current = next;
                _currentSlice = slice;
            }
            return _current.Token;
        }
    }
}
