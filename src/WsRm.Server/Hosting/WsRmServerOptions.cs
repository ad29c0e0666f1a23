namespace WsRm.Server;

/// <summary>
/// Settings of the WS-RM server. Names and defaults follow WCF's <c>ReliableSessionBindingElement</c> where it has
/// the setting; every value is validated at startup.
/// </summary>
public sealed class WsRmServerOptions
{
    /// <summary>A sequence with no message from its source for this long is dropped (WCF default: 10 minutes).</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long the destination may hold back an acknowledgement to batch it (WCF default: 0.2 s). Accepted for WCF
    /// compatibility: over HTTP every request is answered at once on its own response with the current
    /// acknowledgement, which is what WCF's server does for request-reply channels too.
    /// </summary>
    public TimeSpan AcknowledgementInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Advertise the free room of the receive buffer with <c>netrm:BufferRemaining</c> (WCF default: true).</summary>
    public bool FlowControlEnabled { get; set; } = true;

    /// <summary>Messages a sequence may hold received but not yet delivered (WCF default: 8).</summary>
    public int MaxTransferWindowSize { get; set; } = 8;

    /// <summary>
    /// Sequences that may be open at once across all endpoints; a CreateSequence past it is refused with
    /// CreateSequenceRefused. WCF's name; the default is the .NET Framework 4.5+ server default (128).
    /// </summary>
    public int MaxPendingChannels { get; set; } = 128;

    /// <summary>Sequences one client address may hold open at once (refused with CreateSequenceRefused past it).</summary>
    public int MaxSequencesPerClient { get; set; } = 64;

    /// <summary>
    /// WCF's retry limit (default 8), accepted so WCF configurations carry over. Over HTTP the server never sends on
    /// its own: a reply is resent only as the answer to the client's retransmitted request, so the client's own
    /// MaxRetryCount is the one that applies.
    /// </summary>
    public int MaxRetryCount { get; set; } = 8;

    /// <summary>Deliver messages in the order the source numbered them (WCF default: true).</summary>
    public bool Ordered { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes (WCF default: 64 KiB); larger gets HTTP 413.</summary>
    public long MaxReceivedMessageSize { get; set; } = 64 * 1024;

    /// <summary>Put exception messages and stack traces of unexpected service errors into faults (default: false).</summary>
    public bool IncludeExceptionDetailInFaults { get; set; }

    /// <summary>Service instance lifetime for endpoints that do not set their own (default: per session).</summary>
    public ServiceInstanceMode InstanceMode { get; set; } = ServiceInstanceMode.PerSession;

    /// <summary>
    /// How long the HTTP request of a request-reply message is held waiting for its turn and its reply (default:
    /// 1 minute, the WCF client's default SendTimeout, so a WCF caller gives up first). Past it the request is answered
    /// with the acknowledgement alone; the reply is kept and answers the source's retransmission. One-way messages are
    /// acknowledged on receipt, except that, with <see cref="FlowControlEnabled"/>, any answer whose acknowledgement
    /// would carry BufferRemaining 0 waits for the service's delivery to free a place, at most this long (the real WCF
    /// client, given a 0 by the last answer it waits for, never sends again). When the host stops, held requests are
    /// answered at once.
    /// </summary>
    public TimeSpan ReplyWaitTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Serve each endpoint's WSDL and XSD on GET: <c>{endpoint}?wsdl</c>, <c>?singleWsdl</c>, <c>?xsd=xsdN</c> (WCF's
    /// <c>serviceMetadata httpGetEnabled</c>), for endpoints that do not set their own <c>PublishMetadata</c>. Default:
    /// false, as in WCF: a service description tells anyone who can reach the endpoint its whole contract.
    /// </summary>
    public bool PublishMetadata { get; set; }

    /// <summary>Largest number of acknowledgement ranges kept per sequence before further gaps are refused.</summary>
    public int MaxAcknowledgementRanges { get; set; } = 128;
}
