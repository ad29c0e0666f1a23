namespace WsRm.Client.Tests.Infrastructure;

/// <summary>What <see cref="FaultyForwarder"/> does to one request instead of forwarding it faithfully.</summary>
internal enum ForwarderFault
{
    /// <summary>Forwards it, then sends the response's headers and half its body and resets the connection.</summary>
    ResetMidResponse,

    /// <summary>Answers 502 Bad Gateway with an HTML page, without forwarding.</summary>
    BadGateway,

    /// <summary>Answers 503 Service Unavailable with an HTML page, without forwarding.</summary>
    ServiceUnavailable,

    /// <summary>Answers 500 with an HTML page (not a SOAP fault), without forwarding.</summary>
    InternalErrorNotSoap,

    /// <summary>Answers 404 Not Found, without forwarding.</summary>
    NotFound,

    /// <summary>Forwards it, then holds the response until the client gives up on the request (at most 15 s).</summary>
    StallResponse,
}
