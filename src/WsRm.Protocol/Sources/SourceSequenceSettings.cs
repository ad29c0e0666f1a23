namespace WsRm.Protocol.Sources;

/// <summary>
/// The send-side settings of one sequence: how many messages may be in flight, and the retransmission policy
/// (RFC 6298 timers, WCF-like retry count). Validated by <see cref="Validate"/> before a sequence uses them.
/// </summary>
public sealed record SourceSequenceSettings
{
    /// <summary>The largest <see cref="TransferWindow"/> accepted (WCF's <c>MaxTransferWindowSize</c> limit).</summary>
    public const int MaxTransferWindow = 4096;

    /// <summary>Messages sent but not yet acknowledged, at most. Default 32; 1 to <see cref="MaxTransferWindow"/>.</summary>
    public int TransferWindow { get; init; } = 32;

    /// <summary>
    /// Retransmissions of one message before the sequence faults. Default 8 (WCF's <c>MaxRetryCount</c>): a message
    /// is transmitted at most 1 + MaxRetryCount times, and the sequence faults when the last one's timer expires,
    /// unless that transmission was answered without an acknowledgement: the message is then kept, unsent, until
    /// acknowledged (see <see cref="RetransmissionQueue"/>).
    /// </summary>
    public int MaxRetryCount { get; init; } = 8;

    /// <summary>The retransmission timeout before any round-trip sample (RFC 6298 §2.1). Default 1 s.</summary>
    public TimeSpan InitialRetransmissionTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The floor of the computed timeout (RFC 6298 §2.4 asks 1 s; a LAN service does better). Default 50 ms.</summary>
    public TimeSpan MinRetransmissionTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The ceiling of the timeout, backoff included (RFC 6298 §2.5, §5.5). Default 60 s.</summary>
    public TimeSpan MaxRetransmissionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock granularity G of RFC 6298 §2: RTO = SRTT + max(G, 4·RTTVAR). Default 1 ms.</summary>
    public TimeSpan ClockGranularity { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// The delay before a message is sent again after a transport failure (connection refused or reset, an HTTP 5xx,
    /// no response): doubled for each further failure of the same message and never later than its retransmission
    /// timer would fire, so a server that is down is not hammered. Every attempt counts toward
    /// <see cref="MaxRetryCount"/>. Default 100 ms; positive, at most <see cref="MaxRetransmissionTimeout"/>.
    /// </summary>
    public TimeSpan TransportRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Retransmissions handed out by one call to find due messages. Default 8.</summary>
    public int MaxRetransmissionBurst { get; init; } = 8;

    /// <summary>
    /// The largest message number assigned; past it the caller must start a new sequence. Default
    /// <see cref="long.MaxValue"/>, WS-RM 1.1 §3.7's limit (WCF also reads 1.0 numbers as 64-bit signed).
    /// </summary>
    public ulong MaxMessageNumber { get; init; } = long.MaxValue;

    /// <summary>Acknowledgement ranges kept for the inbound reply sequence; a reply that would open one more is dropped. Default 128.</summary>
    public int MaxAcknowledgementRanges { get; init; } = 128;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(TransferWindow is >= 1 and <= MaxTransferWindow, nameof(TransferWindow), $"must be between 1 and {MaxTransferWindow}");
        Require(MaxRetryCount is >= 1 and <= 1000, nameof(MaxRetryCount), "must be between 1 and 1000");
        Require(MinRetransmissionTimeout > TimeSpan.Zero, nameof(MinRetransmissionTimeout), "must be positive");
        Require(MaxRetransmissionTimeout >= MinRetransmissionTimeout, nameof(MaxRetransmissionTimeout), "must not be less than MinRetransmissionTimeout");
        Require(MaxRetransmissionTimeout <= TimeSpan.FromDays(1), nameof(MaxRetransmissionTimeout), "must not exceed one day");
        Require(InitialRetransmissionTimeout >= MinRetransmissionTimeout && InitialRetransmissionTimeout <= MaxRetransmissionTimeout,
            nameof(InitialRetransmissionTimeout), "must lie between MinRetransmissionTimeout and MaxRetransmissionTimeout");
        Require(ClockGranularity >= TimeSpan.Zero && ClockGranularity <= MaxRetransmissionTimeout, nameof(ClockGranularity),
            "must be between zero and MaxRetransmissionTimeout");
        Require(TransportRetryDelay > TimeSpan.Zero && TransportRetryDelay <= MaxRetransmissionTimeout, nameof(TransportRetryDelay),
            "must be positive and not exceed MaxRetransmissionTimeout");
        Require(MaxRetransmissionBurst >= 1, nameof(MaxRetransmissionBurst), "must be at least 1");
        Require(MaxMessageNumber is >= 1 and <= long.MaxValue, nameof(MaxMessageNumber), $"must be between 1 and {long.MaxValue}");
        Require(MaxAcknowledgementRanges >= 1, nameof(MaxAcknowledgementRanges), "must be at least 1");
    }

    /// <summary>
    /// The wait before attempt number <paramref name="failures"/> + 1 after that many transport failures:
    /// <see cref="TransportRetryDelay"/>·2^(failures−1), at most <paramref name="cap"/> (and never negative).
    /// </summary>
    internal TimeSpan RetryDelayAfterFailures(int failures, TimeSpan cap)
    {
        var ticks = TransportRetryDelay.Ticks;
        for (var i = 1; i < failures && ticks < cap.Ticks; i++) ticks *= 2;
        return TimeSpan.FromTicks(Math.Max(0, Math.Min(ticks, cap.Ticks)));
    }

    private void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new ArgumentOutOfRangeException(setting, $"{nameof(SourceSequenceSettings)}.{setting} {rule}.");
    }
}
