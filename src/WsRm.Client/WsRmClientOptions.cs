using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

/// <summary>
/// Settings of a client <see cref="WsRmSession"/>. Names and defaults follow WCF's <c>ReliableSessionBindingElement</c>.
/// Checked by <see cref="Validate"/> when a session opens.
/// </summary>
public sealed class WsRmClientOptions
{
    /// <summary>The WS-RM version (default 1.1).</summary>
    public WsRmVersion Version { get; set; } = WsRmVersion.Rm11;

    /// <summary>The SOAP version (default 1.2).</summary>
    public WsRmSoapVersion Soap { get; set; } = WsRmSoapVersion.Soap12;

    /// <summary>The logical address of the service, sent as <c>wsa:To</c>. Required; absolute.</summary>
    public Uri? Address { get; set; }

    /// <summary>The physical URL the HTTP requests go to (WCF's ClientVia); null means <see cref="Address"/>.</summary>
    public Uri? Via { get; set; }

    /// <summary>Messages sent and not yet acknowledged, at most (default 32; 1 to 4096).</summary>
    public int MaxTransferWindowSize { get; set; } = 32;

    /// <summary>
    /// Retransmissions of one message before the session faults (default 8). A message whose last transmission the
    /// service answered without acknowledging it (HTTP 202) is not retransmitted further but does not fault the
    /// session: it stays in the window until acknowledged, and <see cref="WsRmSession.CloseAsync"/> fails without it.
    /// </summary>
    public int MaxRetryCount { get; set; } = 8;

    /// <summary>The retransmission timeout before a round-trip time is measured (default 1 s).</summary>
    public TimeSpan InitialRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The ceiling of the retransmission timeout, exponential backoff included (RFC 6298 §5.5; default 60 s). A lower
    /// ceiling recovers faster on a lossy path, at the price of more retransmissions when the service is slow.
    /// </summary>
    public TimeSpan MaxRetransmissionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a transport failure (connection refused or reset, HTTP 5xx, a response that is not SOAP, no response),
    /// the message is sent again after this delay, doubled for each further failure of that message and never later
    /// than its retransmission timer; every attempt counts toward <see cref="MaxRetryCount"/>, so a service that stays
    /// unreachable faults the session (default 100 ms: with the defaults, about 25 s of failures).
    /// </summary>
    public TimeSpan TransportRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long one HTTP request may wait for its response before it counts as failed and is abandoned (its message
    /// is then retried like any transport failure). Null (default): four times the current retransmission timeout,
    /// at least 2 s; never more than <see cref="OperationTimeout"/>. A stalled connection thus cannot hold a message
    /// (or a connection) for longer than that.
    /// </summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>
    /// The session faults when nothing is heard from the service (no message, no HTTP answer) for this long (default
    /// 10 minutes); half of it idle sends an AckRequested.
    /// </summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one call (open, a request, a send, close) may take, waiting for window room included (default 1 minute).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Replies are handed to their callers in reply-sequence order (default true): a reply that overtook an earlier one
    /// on the network waits for it. False hands each reply over as it arrives. Either way each caller gets its own
    /// reply, matched by <c>wsa:RelatesTo</c>.
    /// </summary>
    public bool Ordered { get; set; } = true;

    /// <summary>The largest HTTP response body read, in bytes (default 1 MiB).</summary>
    public long MaxReceivedMessageSize { get; set; } = 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is missing or out of range.</summary>
    public void Validate()
    {
        if (Address is null || !Address.IsAbsoluteUri) throw new ArgumentException($"{nameof(WsRmClientOptions)}.{nameof(Address)} must be an absolute URI.", nameof(Address));
        if (Via is { IsAbsoluteUri: false }) throw new ArgumentException($"{nameof(WsRmClientOptions)}.{nameof(Via)} must be an absolute URI.", nameof(Via));
        Require(Enum.IsDefined(Version), nameof(Version), "must be Rm10 or Rm11");
        Require(Enum.IsDefined(Soap), nameof(Soap), "must be Soap11 or Soap12");
        Require(MaxTransferWindowSize is >= 1 and <= 4096, nameof(MaxTransferWindowSize), "must be between 1 and 4096");
        Require(MaxRetryCount is >= 1 and <= 1000, nameof(MaxRetryCount), "must be between 1 and 1000");
        Require(InitialRetransmissionTimeout > TimeSpan.Zero, nameof(InitialRetransmissionTimeout), "must be positive");
        Require(MaxRetransmissionTimeout >= InitialRetransmissionTimeout && MaxRetransmissionTimeout <= TimeSpan.FromDays(1),
            nameof(MaxRetransmissionTimeout), "must be between InitialRetransmissionTimeout and one day");
        Require(TransportRetryDelay > TimeSpan.Zero && TransportRetryDelay <= MaxRetransmissionTimeout, nameof(TransportRetryDelay),
            "must be positive and not exceed MaxRetransmissionTimeout");
        Require(InactivityTimeout > TimeSpan.Zero, nameof(InactivityTimeout), "must be positive");
        Require(OperationTimeout > TimeSpan.Zero, nameof(OperationTimeout), "must be positive");
        Require(RequestTimeout is null || RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout), "must be positive when set");
        Require(MaxReceivedMessageSize is > 0 and <= int.MaxValue, nameof(MaxReceivedMessageSize), "must be between 1 and 2^31-1");
        ToSettings().Validate();
    }

    internal Uri EffectiveVia => Via ?? Address!;

    internal RmVersion RmVersion => Version == WsRmVersion.Rm10 ? RmVersion.Rm10 : RmVersion.Rm11;

    internal SoapVersion SoapVersion => Soap == WsRmSoapVersion.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12;

    /// <summary>The timeout of one HTTP request when the current retransmission timeout is <paramref name="retransmissionTimeout"/>.</summary>
    internal TimeSpan AttemptTimeout(TimeSpan retransmissionTimeout)
    {
        var derived = RequestTimeout ?? TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks,
            Math.Min(retransmissionTimeout.Ticks, TimeSpan.MaxValue.Ticks / 4) * 4));
        return derived < OperationTimeout ? derived : OperationTimeout;
    }

    internal SourceSequenceSettings ToSettings() => new()
    {
        TransferWindow = MaxTransferWindowSize,
        MaxRetryCount = MaxRetryCount,
        InitialRetransmissionTimeout = InitialRetransmissionTimeout,
        MinRetransmissionTimeout = InitialRetransmissionTimeout < TimeSpan.FromMilliseconds(50) ? InitialRetransmissionTimeout : TimeSpan.FromMilliseconds(50),
        MaxRetransmissionTimeout = MaxRetransmissionTimeout,
        TransportRetryDelay = TransportRetryDelay,
        MaxMessageNumber = long.MaxValue,
    };

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition) throw new ArgumentOutOfRangeException(setting, $"{nameof(WsRmClientOptions)}.{setting} {rule}.");
    }
}
