namespace WsRm.Protocol.Sources;

/// <summary>Send bookkeeping of one numbered, not yet acknowledged message.</summary>
internal sealed class OutstandingMessage(ulong number, object payload, DateTimeOffset assignedAt)
{
    /// <summary>Its message number.</summary>
    public ulong Number { get; } = number;

    /// <summary>The caller's payload.</summary>
    public object Payload { get; } = payload;

    /// <summary>When it was numbered.</summary>
    public DateTimeOffset AssignedAt { get; } = assignedAt;

    /// <summary>Transmissions so far (0 until first sent).</summary>
    public int Transmissions { get; set; }

    /// <summary>When it was last transmitted.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>When its retransmission timer expires; null when no timer runs (not yet sent).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Its backoff level: its timer is RTO·2^level.</summary>
    public int BackoffLevel { get; set; }

    /// <summary>The <see cref="RttEstimator.Generation"/> its level was set in; an older level is void.</summary>
    public int BackoffGeneration { get; set; }

    /// <summary>Transmissions that failed at the transport level (no answer at all); they pace the quick retries.</summary>
    public int TransportFailures { get; set; }

    /// <summary>What the last failed transmission reported, for the fault when the retries run out.</summary>
    public string? LastTransportError { get; set; }

    /// <summary>True when a Nack asked for it: retransmit now without backing off.</summary>
    public bool Nacked { get; set; }

    /// <summary>
    /// True when its latest transmission was answered (HTTP 202, or a response) without acknowledging it: it probably
    /// arrived, so its timer first asks for an acknowledgement before sending it again.
    /// </summary>
    public bool Accepted { get; set; }

    /// <summary>The logical stamp of the AckRequested that asked for it since its latest transmission, or null.</summary>
    public long? ProbeStamp { get; set; }

    /// <summary>True once a round-trip sample was taken from it (at its answer), so its later acknowledgement takes none.</summary>
    public bool Sampled { get; set; }

    /// <summary>
    /// True for a message numbered before this sequence object existed (<see cref="SourceSequence.TryRestore"/>) whose
    /// earlier transmissions may have reached the destination.
    /// </summary>
    public bool Restored { get; init; }

    /// <summary>Transmissions known not to have reached the destination (the connection was refused, or it did not know the sequence).</summary>
    public int Rejected { get; set; }

    /// <summary>
    /// True when the destination may have received it: restored, or some transmission of it was not rejected (answered,
    /// timed out, reset after the request went out).
    /// </summary>
    public bool MayHaveArrived => Restored || Transmissions > Rejected;
}
