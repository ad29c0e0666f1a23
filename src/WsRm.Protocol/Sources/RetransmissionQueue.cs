using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sources;

/// <summary>
/// The unacknowledged messages of one sequence and their retransmission timers. Each message has a due time, but the
/// caller runs one timer per sequence, set to <see cref="NextDueTime"/>. Timeouts follow RFC 6298
/// (<see href="https://www.rfc-editor.org/rfc/rfc6298#section-5"/>) with per-message backoff:
/// <list type="bullet">
/// <item>a first transmission uses the sequence's backed-off RTO (Karn: backoff holds until a fresh sample);</item>
/// <item>each expiry moves that message one level up (its next timer doubles), so a mass expiry of the whole window
/// backs off once, not once per message;</item>
/// <item>a fresh sample voids every message's level: its next expiry starts again from level 1.</item>
/// </list>
/// A Nack (WS-RM 1.1 §3.9) makes a message due at once without backing off. A transmission that failed at the
/// transport level (<see cref="OnTransmissionFailed"/>) makes it due soon, after
/// <see cref="SourceSequenceSettings.TransportRetryDelay"/> doubled per failure, capped by its own timer; that retry
/// backs off like an expiry, so a server that stays down sees fewer and fewer attempts.
/// <para>A transmission answered without its acknowledgement (<see cref="OnAnswered"/>: HTTP 202 from a destination
/// that acknowledges later) probably arrived: at its timer the message is first probed (the caller sends an
/// AckRequested; the timer backs off), and only at the next expiry, or as soon as that AckRequested is answered without
/// acknowledging it (<see cref="ProbeAnswered"/>), sent again. A message whose last allowed transmission was accepted
/// so is parked (no timer, no fault): the destination answers, so it waits for a late acknowledgement; one whose last
/// transmission got no answer faults the sequence.</para>
/// Bounded by the transfer window. Not thread-safe.
/// </summary>
internal sealed class RetransmissionQueue(SourceSequenceSettings settings)
{
    private readonly SortedDictionary<ulong, OutstandingMessage> _messages = [];

    /// <summary>The round-trip estimator.</summary>
    public RttEstimator Rtt { get; } = new(settings);

    /// <summary>Unacknowledged messages.</summary>
    public int Count => _messages.Count;

    /// <summary>The unacknowledged messages, ascending.</summary>
    public IEnumerable<OutstandingMessage> Messages => _messages.Values;

    /// <summary>The earliest due time, or null when no timer runs.</summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (var m in _messages.Values)
                if (m.DueAt is { } due && (next is null || due < next)) next = due;
            return next;
        }
    }

    /// <summary>The message numbered <paramref name="number"/>, if it is still unacknowledged.</summary>
    public bool TryGet(ulong number, out OutstandingMessage message) => _messages.TryGetValue(number, out message!);

    /// <summary>Adds a newly numbered message (not yet sent: no timer).</summary>
    public void Add(OutstandingMessage message) => _messages.Add(message.Number, message);

    /// <summary>Records a transmission that started at <paramref name="now"/> and arms its timer; false when it is already acknowledged.</summary>
    public bool OnSent(ulong number, DateTimeOffset now)
    {
        if (!_messages.TryGetValue(number, out var m)) return false;
        if (m.Transmissions == 0 || m.BackoffGeneration != Rtt.Generation)
        {
            m.BackoffLevel = Rtt.BackoffLevel;
            m.BackoffGeneration = Rtt.Generation;
        }
        m.Transmissions++;
        m.LastSentAt = now;
        m.Nacked = false;
        m.Accepted = false;
        m.ProbeStamp = null;
        m.DueAt = now + Rtt.TimeoutFor(m.BackoffLevel);
        return true;
    }

    /// <summary>
    /// Transmission <paramref name="attempt"/> of <paramref name="number"/> was answered without acknowledging it. Only
    /// the latest transmission counts (an older one's answer says nothing of the newer). The first transmission's
    /// answer is a round-trip sample (Karn), taken here because the acknowledgement may come much later. True when the
    /// message became accepted.
    /// </summary>
    public bool OnAnswered(ulong number, int attempt, DateTimeOffset now)
    {
        if (!_messages.TryGetValue(number, out var m) || attempt != m.Transmissions || m.Accepted) return false;
        m.Accepted = true;
        if (m.Transmissions == 1 && !m.Sampled && m.LastSentAt is { } sent && now >= sent)
        {
            m.Sampled = true;
            Rtt.AddSample(now - sent);
        }
        return true;
    }

    /// <summary>
    /// The AckRequested stamped <paramref name="stamp"/> was answered: messages it probed that are still unacknowledged
    /// are due now (sent again), unless parked. Returns how many.
    /// </summary>
    public int ProbeAnswered(long stamp, DateTimeOffset now)
    {
        var due = 0;
        foreach (var m in _messages.Values)
        {
            if (m.ProbeStamp is not { } probed || probed > stamp || m.DueAt is not { } at || at <= now) continue;
            m.DueAt = now; // probed already: Due sends it again (or parks it) rather than asking twice
            due++;
        }
        return due;
    }

    /// <summary>True when some unacknowledged message's latest transmission was answered without its acknowledgement.</summary>
    public bool AnyAccepted
    {
        get
        {
            foreach (var m in _messages.Values)
                if (m.Accepted) return true;
            return false;
        }
    }

    /// <summary>True when every unacknowledged message's latest transmission was answered without its acknowledgement.</summary>
    public bool AllAccepted
    {
        get
        {
            foreach (var m in _messages.Values)
                if (!m.Accepted) return false;
            return true;
        }
    }

    /// <summary>Transmissions of <paramref name="number"/> so far, or 0 when it is not outstanding.</summary>
    public int TransmissionsOf(ulong number) => _messages.TryGetValue(number, out var m) ? m.Transmissions : 0;

    /// <summary>
    /// Transmission <paramref name="attempt"/> of <paramref name="number"/> (null: the latest) got no answer at all.
    /// Brings the message's timer forward to now + the transport retry delay for its failure count (never later
    /// than the timer already was); when it was the last transmission allowed, due now, to fail without waiting. A
    /// failure of an older transmission only records its error: a newer one is under way. Returns the new due
    /// time, or null when nothing was rescheduled.
    /// </summary>
    public DateTimeOffset? OnTransmissionFailed(ulong number, int? attempt, DateTimeOffset now, string? error)
    {
        if (!_messages.TryGetValue(number, out var m) || m.Transmissions == 0) return null;
        if (error is not null) m.LastTransportError = error;
        if (attempt is { } a && a != m.Transmissions) return null;
        m.TransportFailures++;
        // The last transmission allowed failed: nothing is left to wait for, so fail at the next Due.
        var retryAt = m.Transmissions > settings.MaxRetryCount
            ? now
            : now + settings.RetryDelayAfterFailures(m.TransportFailures, Rtt.TimeoutFor(m.BackoffLevel));
        if (m.DueAt is not { } due || retryAt < due) m.DueAt = retryAt;
        return m.DueAt;
    }

    /// <summary>
    /// A Nack: marks the message due now, unless it is unsent or was sent less than one SRTT ago (the Nack may predate
    /// that transmission). True when marked.
    /// </summary>
    public bool Nack(ulong number, DateTimeOffset now)
    {
        if (!_messages.TryGetValue(number, out var m) || m.Transmissions == 0 || m.Nacked) return false;
        if (Rtt.SmoothedRtt is { } srtt && m.LastSentAt is { } sent && now - sent < srtt) return false;
        m.Nacked = true;
        m.Accepted = false; // the destination says it is missing: resend, do not ask
        m.DueAt = now;
        return true;
    }

    /// <summary>
    /// The messages whose timer expired by <paramref name="now"/>, ascending, at most the burst size. Each is backed off
    /// (unless Nacked) and given a provisional timer, so it is not handed out twice before <see cref="OnSent"/>.
    /// An accepted message not yet probed is probed instead (stamped <paramref name="probeStamp"/>, its timer backed
    /// off; the batch asks for an AckRequested). A due message already transmitted 1 + MaxRetryCount times is parked
    /// when that last transmission was accepted, else yields a failure.
    /// </summary>
    public RetransmissionBatch Due(DateTimeOffset now, string? sequenceId, long probeStamp = 0)
    {
        List<ulong>? due = null;
        List<ulong>? parked = null;
        var probe = false;
        foreach (var m in _messages.Values)
        {
            if (m.DueAt is not { } at || at > now) continue;
            if (m.Accepted && m.ProbeStamp is null)
            {
                // Answered but not acknowledged: ask first (one AckRequested for all), resend at the next expiry.
                m.ProbeStamp = probeStamp;
                m.BackoffLevel = (m.BackoffGeneration == Rtt.Generation ? m.BackoffLevel : 0) + 1;
                m.BackoffGeneration = Rtt.Generation;
                m.DueAt = now + Rtt.TimeoutFor(m.BackoffLevel);
                probe = true;
                continue;
            }
            if (m.Transmissions > settings.MaxRetryCount)
            {
                if (!m.Accepted) return new RetransmissionBatch([], SourceFailure.RetriesExhausted(sequenceId, m.Number, m.Transmissions, m.LastTransportError));
                m.DueAt = null; // every transmission allowed is spent, the last was accepted: wait for a late acknowledgement
                (parked ??= []).Add(m.Number);
                continue;
            }
            if (due is not null && due.Count >= settings.MaxRetransmissionBurst) break;
            if (!m.Nacked)
            {
                m.BackoffLevel = (m.BackoffGeneration == Rtt.Generation ? m.BackoffLevel : 0) + 1;
                m.BackoffGeneration = Rtt.Generation;
                Rtt.NoteBackoff(m.BackoffLevel);
            }
            m.Nacked = false;
            m.DueAt = now + Rtt.TimeoutFor(m.BackoffLevel);
            (due ??= []).Add(m.Number);
        }
        return due is null && parked is null && !probe
            ? RetransmissionBatch.None
            : new RetransmissionBatch(due ?? [], null) { AckRequested = probe, Parked = parked ?? [] };
    }

    /// <summary>
    /// Removes the messages inside <paramref name="ranges"/> (ascending, disjoint) into <paramref name="released"/> and
    /// takes one RTT sample: from the most recently sent released message that was transmitted exactly once (Karn) and
    /// not sampled at its answer already (a late acknowledgement measures the destination's delay, not the path).
    /// </summary>
    public TimeSpan? Release(IReadOnlyList<AckRange> ranges, DateTimeOffset now, List<SourceMessage> released)
    {
        if (ranges.Count == 0 || _messages.Count == 0) return null;
        List<ulong>? remove = null;
        DateTimeOffset? newestSingleSend = null;
        var r = 0;
        foreach (var m in _messages.Values)
        {
            while (r < ranges.Count && ranges[r].Upper < m.Number) r++;
            if (r == ranges.Count) break;
            if (!ranges[r].Contains(m.Number)) continue;
            (remove ??= []).Add(m.Number);
            released.Add(new SourceMessage(m.Number, m.Payload));
            if (m.Transmissions == 1 && !m.Sampled && m.LastSentAt is { } sent && (newestSingleSend is null || sent > newestSingleSend)) newestSingleSend = sent;
        }
        remove?.ForEach(n => _messages.Remove(n));
        if (newestSingleSend is not { } from || now < from) return null;
        var sample = now - from;
        Rtt.AddSample(sample);
        return sample;
    }

    /// <summary>Removes and returns every message, ascending (the sequence ended without them).</summary>
    public IReadOnlyList<SourceMessage> TakeAll()
    {
        var all = _messages.Values.Select(m => new SourceMessage(m.Number, m.Payload) { MayHaveArrived = m.MayHaveArrived }).ToArray();
        _messages.Clear();
        return all;
    }
}
