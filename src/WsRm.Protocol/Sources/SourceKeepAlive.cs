namespace WsRm.Protocol.Sources;

/// <summary>
/// When a source should ask for an acknowledgement (<c>wsrm:AckRequested</c>, WS-RM 1.1 §3.8) to keep an idle sequence
/// alive, and when the destination counts as gone. WCF-like: an AckRequested after half the inactivity timeout
/// without hearing from the destination; sooner (one retransmission timeout) when the destination's buffer is full,
/// like TCP's zero-window probe, since only an acknowledgement can reopen it. Zero or negative timeouts (such as
/// <see cref="Timeout.InfiniteTimeSpan"/>) mean no keep-alive and no inactivity.
/// </summary>
internal sealed class SourceKeepAlive(DateTimeOffset now)
{
    /// <summary>When something was last received from the destination.</summary>
    public DateTimeOffset LastReceivedAt { get; private set; } = now;

    /// <summary>When the caller last sent an AckRequested, or null.</summary>
    public DateTimeOffset? LastAckRequestedAt { get; private set; }

    /// <summary>Records a message from the destination (times from concurrent responses may arrive out of order).</summary>
    public void Received(DateTimeOffset now)
    {
        if (now > LastReceivedAt) LastReceivedAt = now;
    }

    /// <summary>Records that an AckRequested went out.</summary>
    public void AckRequestedSent(DateTimeOffset now)
    {
        if (LastAckRequestedAt is not { } last || now > last) LastAckRequestedAt = now;
    }

    /// <summary>When the next AckRequested is due, or null for never.</summary>
    /// <param name="inactivityTimeout">The sequence's inactivity timeout.</param>
    /// <param name="probeInterval">The zero-window probe interval when the destination's buffer is full, else null.</param>
    public DateTimeOffset? NextAckRequestedTime(TimeSpan inactivityTimeout, TimeSpan? probeInterval)
    {
        TimeSpan? interval = inactivityTimeout > TimeSpan.Zero ? inactivityTimeout / 2 : null;
        if (probeInterval is { } probe && (interval is null || probe < interval)) interval = probe;
        if (interval is not { } wait) return null;
        var from = LastAckRequestedAt is { } asked && asked > LastReceivedAt ? asked : LastReceivedAt;
        return DateTimeOffset.MaxValue - from <= wait ? DateTimeOffset.MaxValue : from + wait;
    }

    /// <summary>True when nothing was received for <paramref name="inactivityTimeout"/> (WS-RM Policy 1.0 wsrm:InactivityTimeout; WCF ReliableSession.InactivityTimeout).</summary>
    public bool IsInactive(DateTimeOffset now, TimeSpan inactivityTimeout) =>
        inactivityTimeout > TimeSpan.Zero && now - LastReceivedAt >= inactivityTimeout;
}
