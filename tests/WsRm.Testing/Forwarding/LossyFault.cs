namespace WsRm.Testing;

/// <summary>What a <see cref="LossyForwarder"/> does to one exchange (one HTTP request and its response).</summary>
public enum LossyFault
{
    /// <summary>Forwarded faithfully.</summary>
    None,

    /// <summary>The request never reaches the service: the client's connection is aborted.</summary>
    DropRequest,

    /// <summary>The service processes the request; its response is lost (the client's connection is aborted).</summary>
    DropResponse,

    /// <summary>The request reaches the service twice, both copies in flight together; the client gets one of the responses.</summary>
    DuplicateRequest,

    /// <summary>
    /// The request reaches the service twice, the second copy once the first is answered; the client gets the second
    /// copy's response (an intermediary that retried after losing the first answer).
    /// </summary>
    DuplicateRequestAfterAnswer,

    /// <summary>
    /// The service processes the request, but the client gets a copy of an earlier response of the same sequence
    /// instead of this one (a duplicated, stale response; the real one is lost).
    /// </summary>
    DuplicateResponse,

    /// <summary>The request waits (1 ms to <see cref="LossyProfile.MaxDelay"/>) before it is forwarded.</summary>
    DelayRequest,

    /// <summary>The response waits (1 ms to <see cref="LossyProfile.MaxDelay"/>) before it is returned.</summary>
    DelayResponse,

    /// <summary>
    /// The request is held until a request that arrived after it has been written to the service (so the service's
    /// connections get them in the other order), at most <see cref="LossyProfile.MaxHold"/>.
    /// </summary>
    ReorderRequest,

    /// <summary>
    /// The response is held until the response of a request that arrived later has been returned (so the client gets
    /// them in the other order), at most <see cref="LossyProfile.MaxHold"/>.
    /// </summary>
    ReorderResponse,

    /// <summary>Forwarded; then the response's headers and half its body are sent and the connection is reset.</summary>
    ResetMidResponse,

    /// <summary>Answered 502 Bad Gateway with an HTML page, without forwarding.</summary>
    BadGateway,

    /// <summary>Answered 503 Service Unavailable with an HTML page, without forwarding.</summary>
    ServiceUnavailable,

    /// <summary>Answered 500 with an HTML page (not a SOAP fault), without forwarding.</summary>
    InternalErrorNotSoap,

    /// <summary>Answered 404 Not Found, without forwarding.</summary>
    NotFound,

    /// <summary>Forwarded; then the response is held until the client gives up on it (at most <see cref="LossyProfile.MaxStall"/>) and the connection is aborted.</summary>
    StallResponse,
}
