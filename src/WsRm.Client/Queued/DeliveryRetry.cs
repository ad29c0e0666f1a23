namespace WsRm.Client;

/// <summary>
/// When a transmission queue tries its destination again, and when refusals have gone on long enough to give up the
/// messages: the bounded backoff and the refusal count of <see cref="WsRmQueuedClientOptions"/>. No I/O, no clock.
/// <list type="bullet">
/// <item>Each failure in a row doubles the wait from <c>RetryDelay</c> up to <c>MaxRetryDelay</c>; an acknowledged message
/// (<see cref="OnProgress"/>) starts again from the bottom. The first lost sequence of a run is followed at once by a new
/// one (the destination is there: it answered).</item>
/// <item>Refusals are counted from the first one (<see cref="RefusedSince"/>) until a message is acknowledged; other
/// failures in between neither count nor reset them. At <c>MaxRefusals</c>, <see cref="RefusalLimitReached"/>: the
/// messages enqueued before <see cref="RefusedSince"/> waited through every refusal and go to the dead-letter queue;
/// then <see cref="OnRefusedSwept"/> starts a new count for the others.</item>
/// </list>
/// Not thread-safe: the forwarder's loop owns it.
/// </summary>
internal sealed class DeliveryRetry(TimeSpan retryDelay, TimeSpan maxRetryDelay, int maxRefusals)
{
    /// <summary>Failures since the last progress.</summary>
    public int Failures { get; private set; }

    /// <summary>Refusals since the last progress or sweep.</summary>
    public int Refusals { get; private set; }

    /// <summary>When the first of <see cref="Refusals"/> happened, or null.</summary>
    public DateTimeOffset? RefusedSince { get; private set; }

    /// <summary>The last refusal, in words.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>True once <see cref="Refusals"/> reached the limit.</summary>
    public bool RefusalLimitReached => Refusals >= maxRefusals;

    /// <summary>Records a failure of kind <paramref name="kind"/> at <paramref name="now"/>; returns the wait before the next try.</summary>
    public TimeSpan OnFailure(DeliveryFailureKind kind, DateTimeOffset now, string description)
    {
        Failures++;
        if (kind == DeliveryFailureKind.Refused)
        {
            Refusals++;
            RefusedSince ??= now;
            LastRefusal = description;
        }
        if (kind == DeliveryFailureKind.SequenceLost && Failures == 1) return TimeSpan.Zero;
        return Delay(Failures);
    }

    /// <summary>The destination acknowledged a message: the next failure waits the least, and refusals count from zero.</summary>
    public void OnProgress()
    {
        Failures = 0;
        OnRefusedSwept();
    }

    /// <summary>The messages that waited through the refusals went to the dead-letter queue: count anew for the others.</summary>
    public void OnRefusedSwept()
    {
        Refusals = 0;
        RefusedSince = null;
        LastRefusal = null;
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: RetryDelay·2^(failures−1), at most MaxRetryDelay.</summary>
    public TimeSpan Delay(int failures)
    {
        var ticks = retryDelay.Ticks;
        for (var i = 1; i < failures && ticks < maxRetryDelay.Ticks; i++) ticks *= 2;
        return TimeSpan.FromTicks(Math.Min(ticks, maxRetryDelay.Ticks));
    }
}
