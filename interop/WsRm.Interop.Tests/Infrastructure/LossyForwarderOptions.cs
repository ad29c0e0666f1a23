namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>How a <see cref="LossyForwarder"/> loses traffic.</summary>
public sealed record LossyForwarderOptions
{
    /// <summary>Probability that a request is dropped before it reaches the target (0..1).</summary>
    public double RequestDropRate { get; init; }

    /// <summary>Probability that a forwarded request's response is dropped on the way back (0..1).</summary>
    public double ResponseDropRate { get; init; }

    /// <summary>Seed of the random source, so a run loses the same messages every time.</summary>
    public int Seed { get; init; } = 20050201;

    /// <summary>
    /// Most times one sequence message (same wsrm:Sequence identifier and number) may be lost, counting request and
    /// response drops; later copies go through. Bounds the WCF client's exponential retransmission back-off
    /// (about 0.5 s, 1 s, 2 s, 4 s, …) so a test's duration stays predictable. Null: no bound.
    /// </summary>
    public int? MaxDropsPerMessage { get; init; }

    /// <summary>
    /// SOAP actions (wsa:Action, or the SOAPAction header) that are always forwarded, e.g. CreateSequence, which the
    /// WCF client does not retransmit after a transport failure. Exempt requests do not consume random numbers.
    /// </summary>
    public IReadOnlySet<string> ExemptActions { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
