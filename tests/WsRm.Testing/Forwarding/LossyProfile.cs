namespace WsRm.Testing;

/// <summary>
/// How a <see cref="LossyForwarder"/> damages traffic: the probability of each random fault per exchange (at most one
/// fault an exchange; they must sum to at most 1), and the bounds that keep a run short and finite. Scripted faults
/// (<see cref="LossyForwarder.Script"/>) come on top.
/// </summary>
public sealed record LossyProfile
{
    public double DropRequest { get; init; }
    public double DropResponse { get; init; }
    public double DuplicateRequest { get; init; }
    public double DuplicateRequestAfterAnswer { get; init; }
    public double DuplicateResponse { get; init; }
    public double DelayRequest { get; init; }
    public double DelayResponse { get; init; }
    public double ReorderRequest { get; init; }
    public double ReorderResponse { get; init; }

    /// <summary>wsa:Actions whose requests random faults never duplicate (a duplicate rolled for one is no fault). Scripts still can.</summary>
    public IReadOnlySet<string> NotDuplicated { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// wsa:Actions (or SOAPAction headers) that random faults never touch; their requests draw no random numbers, so
    /// a seed's faults fall on the other requests whatever number of them there are. Scripts still apply.
    /// </summary>
    public IReadOnlySet<string> Exempt { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Most times one sequence message (same wsrm:Sequence identifier and number) is dropped at random, request and
    /// response drops together; a drop rolled beyond it is no fault. Bounds a client's exponential back-off. Null: no bound.
    /// </summary>
    public int? MaxDropsPerMessage { get; init; }

    /// <summary>Random faults injected at most; after that every exchange is forwarded faithfully. Scripted faults and the blackhole are not counted.</summary>
    public int MaxFaults { get; init; } = 60;

    /// <summary>The longest delay of a delayed request or response.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// The longest a request or response is held for reordering when nothing overtakes it. Longer than the client's
    /// retransmission timeout on loopback: when every other message in the window waits (ordered delivery) for the
    /// held one, the client's next retransmission is what overtakes it.
    /// </summary>
    public TimeSpan MaxHold { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests, and separately responses, held at once at most; a hold rolled past it is no fault.</summary>
    public int MaxHeld { get; init; } = 2;

    /// <summary>The longest a stalled response (<see cref="LossyFault.StallResponse"/>) is held when the client does not give up.</summary>
    public TimeSpan MaxStall { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>When set, the first this many requests are forwarded faithfully and every later one is lost.</summary>
    public int? BlackholeAfter { get; init; }

    /// <summary>With <see cref="BlackholeAfter"/>: lose the responses (the service still gets the requests) rather than the requests.</summary>
    public bool BlackholeResponses { get; init; }

    /// <summary>
    /// Every kind of fault, 57 % of exchanges in all, at most 100 faults (more than a 60-message session needs, so
    /// the faults of a seed do not depend on when the cap is reached). CreateSequence is not duplicated at random.
    /// </summary>
    public static LossyProfile Hostile { get; } = new()
    {
        DropRequest = 0.08, DropResponse = 0.08, DuplicateRequest = 0.05, DuplicateRequestAfterAnswer = 0.03, DuplicateResponse = 0.06,
        DelayRequest = 0.06, DelayResponse = 0.06, ReorderRequest = 0.08, ReorderResponse = 0.07,
        MaxFaults = 100,
        NotDuplicated = new HashSet<string>(StringComparer.Ordinal)
        {
            "http://schemas.xmlsoap.org/ws/2005/02/rm/CreateSequence", "http://docs.oasis-open.org/ws-rx/wsrm/200702/CreateSequence",
        },
    };

    /// <summary>No random faults (scripts and the blackhole still apply).</summary>
    public static LossyProfile Faithful { get; } = new();

    /// <summary>Requests lost with probability <paramref name="requests"/>, responses with <paramref name="responses"/>, nothing else.</summary>
    public static LossyProfile Dropping(double requests, double responses) => new() { DropRequest = requests, DropResponse = responses };

    /// <summary>The first <paramref name="after"/> requests go through; every later request (or its response) is lost.</summary>
    public static LossyProfile Blackhole(int after, bool responses) => new() { BlackholeAfter = after, BlackholeResponses = responses };

    internal void Validate()
    {
        double[] p = [DropRequest, DropResponse, DuplicateRequest, DuplicateRequestAfterAnswer, DuplicateResponse, DelayRequest, DelayResponse, ReorderRequest, ReorderResponse];
        if (p.Any(x => x is < 0 or > 1) || p.Sum() > 1 + 1e-9) throw new ArgumentException("Fault probabilities must be in 0..1 and sum to at most 1.");
        if (MaxFaults < 0 || MaxHeld < 0 || MaxDelay < TimeSpan.Zero || MaxHold < TimeSpan.Zero || MaxStall < TimeSpan.Zero || BlackholeAfter < 0 || MaxDropsPerMessage < 0)
            throw new ArgumentException("Bounds must not be negative.");
    }

    internal IEnumerable<(LossyFault Kind, double Probability)> Probabilities()
    {
        yield return (LossyFault.DropRequest, DropRequest);
        yield return (LossyFault.DropResponse, DropResponse);
        yield return (LossyFault.DuplicateRequest, DuplicateRequest);
        yield return (LossyFault.DuplicateRequestAfterAnswer, DuplicateRequestAfterAnswer);
        yield return (LossyFault.DuplicateResponse, DuplicateResponse);
        yield return (LossyFault.DelayRequest, DelayRequest);
        yield return (LossyFault.DelayResponse, DelayResponse);
        yield return (LossyFault.ReorderRequest, ReorderRequest);
        yield return (LossyFault.ReorderResponse, ReorderResponse);
    }
}
