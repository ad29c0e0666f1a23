namespace WsRm.Client;

/// <summary>
/// Settings of a queued client (<see cref="WsRmQueuedChannelFactory{TContract}"/>): where its transmission queue
/// delivers, how long a message may wait, and what happens to messages whose fate is unknown. Names and defaults are
/// WCF's queued bindings' where WCF has the setting (<c>TimeToLive</c>, <c>ExactlyOnce</c>); the session settings are
/// those of <see cref="WsRmClientOptions"/>. Checked by <see cref="Validate"/> when a factory is made, and at startup
/// under <c>AddWsRmQueuedClient</c>.
/// </summary>
public sealed class WsRmQueuedClientOptions
{
    /// <summary>The logical address of the service, sent as <c>wsa:To</c>. Required; absolute.</summary>
    public Uri? Address { get; set; }

    /// <summary>The physical URL the HTTP requests go to (WCF's ClientVia); null means <see cref="Address"/>.</summary>
    public Uri? Via { get; set; }

    /// <summary>The WS-RM version (default 1.1).</summary>
    public WsRmVersion Version { get; set; } = WsRmVersion.Rm11;

    /// <summary>The SOAP version (default 1.2).</summary>
    public WsRmSoapVersion Soap { get; set; } = WsRmSoapVersion.Soap12;

    /// <summary>
    /// The transmission queue's name in the store: the messages, the source sequence and the dead letters are kept
    /// under it. Null (default): <c>{contract's full name}@{Address}</c>, stable for a contract and an address. Two
    /// clients with the same name share one queue; give each destination its own. At most 200 characters.
    /// </summary>
    public string? QueueName { get; set; }

    /// <summary>
    /// How long a message may wait for the destination's acknowledgement, from the call that enqueued it (WCF's
    /// <c>TimeToLive</c>, default 1 day); <see cref="TimeSpan.MaxValue"/> for ever. A message not acknowledged in time goes
    /// to the queue's dead-letter queue with the reason <c>TimeToLive expired before the destination acknowledged
    /// it.</c>; one that had been sent may still have been received (its sequence is then given up and its unacknowledged
    /// companions treated as under <see cref="ExactlyOnce"/>). Positive.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// What happens to messages when their sequence is lost: the destination no longer knows it (<c>UnknownSequence</c>,
    /// after it restarted without durable sessions or expired the sequence) or ended it (<c>SequenceTerminated</c> and
    /// other sequence faults), or the queue gives it up (a message on it expired or was refused). Messages not yet sent
    /// always go on a new sequence, and so do messages sent on it that certainly did not arrive (every transmission
    /// refused a connection or was answered <c>UnknownSequence</c>). A message sent on it and not acknowledged may or may
    /// not have been received:
    /// <list type="bullet">
    /// <item><c>true</c> (default, WCF's name and default): it goes to the dead-letter queue with a reason naming the
    /// sequence and its number ("… may have been received …"): never delivered twice, possibly not at all until an
    /// operator requeues it (<c>IWsRmStoreAdmin.RequeueDeadLetterAsync</c>), which sends it again on a new sequence.</item>
    /// <item><c>false</c>: it is sent again on the new sequence: never lost, possibly delivered twice.</item>
    /// </list>
    /// Within one sequence the destination discards duplicates either way; this only concerns a sequence that is lost.
    /// </summary>
    public bool ExactlyOnce { get; set; } = true;

    /// <summary>
    /// The wait before trying the destination again after a failed session (unreachable, a fault, a refusal); doubled
    /// for each failure in a row, up to <see cref="MaxRetryDelay"/>, and back to this after a message is acknowledged
    /// (default 1 s; positive).
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries while the destination stays unreachable (default 1 minute; at least <see cref="RetryDelay"/>).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Permanent refusals in a row (with no message acknowledged in between) after which the messages that waited
    /// through all of them go to the dead-letter queue as undeliverable, with the destination's answer as the reason
    /// (default 8: with the default delays, about two minutes of refusals; 1 to 1000). A permanent refusal is an answer
    /// retrying cannot change: an HTTP status such as 404, 401, 403 or a redirect, <c>CreateSequenceRefused</c>, a SOAP
    /// fault answering CreateSequence or a message, or an answer to CreateSequence that is not a
    /// CreateSequenceResponse. An unreachable destination (connection refused, 5xx, timeouts) is never a refusal: its
    /// messages wait until <see cref="TimeToLive"/>.
    /// </summary>
    public int MaxRefusals { get; set; } = 8;

    /// <summary>
    /// Messages read from the store at a time (default 256; at least <see cref="MaxTransferWindowSize"/>, at most 10000):
    /// the forwarder holds at most this many bodies in memory whatever the queue's length.
    /// </summary>
    public int PageSize { get; set; } = 256;

    /// <summary>
    /// How often the store is looked at for messages this process did not enqueue (another process, a requeued dead
    /// letter) and for expired ones (default 5 s; positive). Messages enqueued through this process's channels are seen
    /// at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages sent and not yet acknowledged, at most (default 32; 1 to 4096). See <see cref="WsRmClientOptions.MaxTransferWindowSize"/>.</summary>
    public int MaxTransferWindowSize { get; set; } = 32;

    /// <summary>
    /// Retransmissions of one message within a session before the session is given up (default 8); the forwarder then
    /// waits <see cref="RetryDelay"/> and resumes the sequence with a new session, so a message is retried until it is
    /// acknowledged or its <see cref="TimeToLive"/> passes. See <see cref="WsRmClientOptions.MaxRetryCount"/>.
    /// </summary>
    public int MaxRetryCount { get; set; } = 8;

    /// <summary>The retransmission timeout before a round-trip time is measured (default 1 s).</summary>
    public TimeSpan InitialRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The ceiling of the retransmission timeout (default 60 s).</summary>
    public TimeSpan MaxRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one HTTP request may wait for its response; null (default): see <see cref="WsRmClientOptions.RequestTimeout"/>.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>A session hearing nothing from the service for this long ends, and is resumed after <see cref="RetryDelay"/> (default 10 minutes).</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is missing or out of range.</summary>
    public void Validate()
    {
        Require(MaxTransferWindowSize is >= 1 and <= 4096, nameof(MaxTransferWindowSize), "must be between 1 and 4096");
        Require(MaxRetryCount is >= 1 and <= 1000, nameof(MaxRetryCount), "must be between 1 and 1000");
        try
        {
            ToSessionOptions().Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message.Replace(nameof(WsRmClientOptions) + ".", nameof(WsRmQueuedClientOptions) + ".", StringComparison.Ordinal), e.ParamName, e);
        }
        Require(QueueName is null || (QueueName.Trim().Length > 0 && QueueName.Length <= 200), nameof(QueueName), "must be 1 to 200 characters when set");
        Require(TimeToLive > TimeSpan.Zero, nameof(TimeToLive), "must be positive (TimeSpan.MaxValue for ever)");
        Require(RetryDelay > TimeSpan.Zero, nameof(RetryDelay), "must be positive");
        Require(MaxRetryDelay >= RetryDelay, nameof(MaxRetryDelay), "must not be less than RetryDelay");
        Require(MaxRefusals is >= 1 and <= 1000, nameof(MaxRefusals), "must be between 1 and 1000");
        Require(PageSize >= MaxTransferWindowSize && PageSize <= 10_000, nameof(PageSize), "must be between MaxTransferWindowSize and 10000");
        Require(PollInterval > TimeSpan.Zero, nameof(PollInterval), "must be positive");
    }

    /// <summary>The session settings for the forwarder's sessions.</summary>
    internal WsRmClientOptions ToSessionOptions() => new()
    {
        Address = Address,
        Via = Via,
        Version = Version,
        Soap = Soap,
        MaxTransferWindowSize = MaxTransferWindowSize,
        MaxRetryCount = MaxRetryCount,
        InitialRetransmissionTimeout = InitialRetransmissionTimeout,
        MaxRetransmissionTimeout = MaxRetransmissionTimeout,
        RequestTimeout = RequestTimeout,
        InactivityTimeout = InactivityTimeout,
    };

    /// <summary>When a message enqueued at <paramref name="now"/> expires, or null for never.</summary>
    internal DateTimeOffset? ExpiryOf(DateTimeOffset now) =>
        TimeToLive == TimeSpan.MaxValue || DateTimeOffset.MaxValue - now <= TimeToLive ? null : now + TimeToLive;

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new ArgumentOutOfRangeException(setting, $"{nameof(WsRmQueuedClientOptions)}.{setting} {rule}.");
    }
}
