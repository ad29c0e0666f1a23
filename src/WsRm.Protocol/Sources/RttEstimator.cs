namespace WsRm.Protocol.Sources;

/// <summary>
/// The retransmission timeout of one sequence, computed as in RFC 6298
/// (<see href="https://www.rfc-editor.org/rfc/rfc6298#section-2"/>): SRTT and RTTVAR smoothed with α = 1/8 and
/// β = 1/4, RTO = SRTT + max(G, 4·RTTVAR), clamped to [min, max]. Backoff (§5.5) is a level: a timeout at level
/// <c>n</c> is RTO·2ⁿ, capped at the max. Karn's algorithm: the sequence keeps its backoff level for new messages
/// until a fresh sample (a message acknowledged after exactly one transmission) arrives; the sample resets it and
/// starts a new <see cref="Generation"/>. Arithmetic is in 100 ns ticks.
/// </summary>
internal sealed class RttEstimator
{
    // 2^30 times any RTO is far past the one-day cap, so higher levels change nothing.
    private const int MaxLevel = 30;
    private readonly long _minTicks;
    private readonly long _maxTicks;
    private readonly long _granularityTicks;

    /// <summary>Starts with the initial RTO and no samples.</summary>
    public RttEstimator(SourceSequenceSettings settings)
    {
        _minTicks = settings.MinRetransmissionTimeout.Ticks;
        _maxTicks = settings.MaxRetransmissionTimeout.Ticks;
        _granularityTicks = settings.ClockGranularity.Ticks;
        Rto = TimeSpan.FromTicks(Clamp(settings.InitialRetransmissionTimeout.Ticks));
    }

    /// <summary>SRTT, or null before the first sample.</summary>
    public TimeSpan? SmoothedRtt { get; private set; }

    /// <summary>RTTVAR (zero before the first sample).</summary>
    public TimeSpan RttVariation { get; private set; }

    /// <summary>The RTO without backoff, clamped to [min, max].</summary>
    public TimeSpan Rto { get; private set; }

    /// <summary>The sequence's backoff level: the highest level a message reached since the last fresh sample.</summary>
    public int BackoffLevel { get; private set; }

    /// <summary>Samples taken so far; a message's own backoff level counts only within the generation it was set in.</summary>
    public int Generation { get; private set; }

    /// <summary>The timeout for a first transmission: RTO backed off to <see cref="BackoffLevel"/>.</summary>
    public TimeSpan CurrentTimeout => TimeoutFor(BackoffLevel);

    /// <summary>
    /// Adds a round-trip sample (RFC 6298 §2.2, §2.3). Negative samples (a clock step) are ignored; samples are capped at
    /// the maximum timeout, which also keeps the arithmetic far from overflow.
    /// </summary>
    public void AddSample(TimeSpan rtt)
    {
        if (rtt < TimeSpan.Zero) return;
        var r = Math.Min(rtt.Ticks, _maxTicks);
        long srtt, rttvar;
        if (SmoothedRtt is not { } previous)
        {
            srtt = r;
            rttvar = r / 2;
        }
        else
        {
            var s = previous.Ticks;
            rttvar = (3 * RttVariation.Ticks + Math.Abs(s - r)) / 4;
            srtt = (7 * s + r) / 8;
        }
        SmoothedRtt = TimeSpan.FromTicks(srtt);
        RttVariation = TimeSpan.FromTicks(rttvar);
        Rto = TimeSpan.FromTicks(Clamp(srtt + Math.Max(_granularityTicks, 4 * rttvar)));
        BackoffLevel = 0;
        Generation++;
    }

    /// <summary>Records that a message timed out and moved to <paramref name="level"/> (RFC 6298 §5.5).</summary>
    public void NoteBackoff(int level) => BackoffLevel = Math.Max(BackoffLevel, Math.Min(level, MaxLevel));

    /// <summary>RTO·2^<paramref name="level"/>, capped at the maximum timeout.</summary>
    public TimeSpan TimeoutFor(int level)
    {
        var ticks = Rto.Ticks;
        for (var i = 0; i < level && ticks < _maxTicks; i++) ticks *= 2;
        return TimeSpan.FromTicks(Math.Min(ticks, _maxTicks));
    }

    private long Clamp(long ticks) => Math.Clamp(ticks, _minTicks, _maxTicks);
}
