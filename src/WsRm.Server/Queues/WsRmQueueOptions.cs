namespace WsRm.Server;

/// <summary>
/// Settings of a queued endpoint (<c>MapWsRmQueue</c>): how fast its service drains the target queue and what happens to
/// a message it keeps failing. Names and defaults are WCF's (<c>NetMsmqBinding</c>, <c>ServiceThrottlingBehavior</c>)
/// except <see cref="ReceiveErrorHandling"/>. When the server's options are bound from configuration, the section
/// <c>{server section}:Endpoints:{route pattern}</c> binds over what the code set (all but <see cref="Contract"/>).
/// </summary>
public sealed class WsRmQueueOptions
{
    /// <summary>Deliver each sequence's messages in number order (default: the server's <c>Ordered</c>, true).</summary>
    public bool? Ordered { get; set; }

    /// <summary>The contract interface to expose when the service implements several.</summary>
    public Type? Contract { get; set; }

    /// <summary>Messages the service runs at once (default 16); messages of one ordered sequence still run one at a time, in order.</summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>Immediate retries of a failed message within one retry cycle (WCF default: 5).</summary>
    public int ReceiveRetryCount { get; set; } = 5;

    /// <summary>Retry cycles after the first (WCF default: 2): a message is tried (1 + MaxRetryCycles) × (ReceiveRetryCount + 1) times.</summary>
    public int MaxRetryCycles { get; set; } = 2;

    /// <summary>Delay before the next retry cycle (WCF default: 30 minutes); later messages flow meanwhile.</summary>
    public TimeSpan RetryCycleDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// What happens to a poison message (default: <see cref="ReceiveErrorHandling.Move"/>). WCF's default, Fault, stops
    /// the whole endpoint until someone removes the message, which its users meet as an outage caused by one bad
    /// message; Move keeps the endpoint serving and the message where an operator finds it.
    /// </summary>
    public ReceiveErrorHandling ReceiveErrorHandling { get; set; } = ReceiveErrorHandling.Move;

    /// <summary>
    /// Most messages the target queue holds (default 100,000); past it new messages are not accepted (HTTP 202, not
    /// acknowledged) and their senders retransmit them later: back-pressure, not unbounded growth.
    /// </summary>
    public int MaxQueueLength { get; set; } = 100_000;

    /// <summary>How long a consumer holds a message it took before another may take it (default 5 minutes: a consumer that died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the consumer looks for due messages when nothing woke it (default 1 second).</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Serve this endpoint's WSDL and XSD, with its WS-RM policy, on GET (<c>?wsdl</c>, <c>?singleWsdl</c>,
    /// <c>?xsd=xsdN</c>); null (the default) takes <see cref="WsRmServerOptions.PublishMetadata"/>.
    /// </summary>
    public bool? PublishMetadata { get; set; }

    /// <summary>The problems of these settings, each naming its setting as <paramref name="name"/> gives it (a configuration key when it came from one).</summary>
    internal IEnumerable<string> Validate(Func<string, string> name)
    {
        if (MaxConcurrentCalls is < 1 or > 1024) yield return $"{name(nameof(MaxConcurrentCalls))} must be between 1 and 1024.";
        if (ReceiveRetryCount is < 0 or > 100) yield return $"{name(nameof(ReceiveRetryCount))} must be between 0 and 100.";
        if (MaxRetryCycles is < 0 or > 100) yield return $"{name(nameof(MaxRetryCycles))} must be between 0 and 100.";
        if (RetryCycleDelay < TimeSpan.Zero) yield return $"{name(nameof(RetryCycleDelay))} must not be negative.";
        if (!Enum.IsDefined(ReceiveErrorHandling)) yield return $"{name(nameof(ReceiveErrorHandling))} must be one of {string.Join(", ", Enum.GetNames<ReceiveErrorHandling>())}.";
        if (MaxQueueLength < 1) yield return $"{name(nameof(MaxQueueLength))} must be at least 1.";
        if (Lease <= TimeSpan.Zero) yield return $"{name(nameof(Lease))} must be positive.";
        if (PollingInterval <= TimeSpan.Zero) yield return $"{name(nameof(PollingInterval))} must be positive.";
    }
}
