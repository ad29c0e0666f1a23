namespace WsRm.Client;

/// <summary>
/// Lifetime of a client session.
/// <code>
///   Open ──CloseAsync──► Closing ──terminated──► Closed
///   Open, Closing ──fault, retries exhausted, Abort──► Faulted
/// </code>
/// Closed and Faulted are final.
/// </summary>
internal enum SessionState
{
    /// <summary>Calls are accepted.</summary>
    Open,

    /// <summary>No new calls; waiting for acknowledgements, then closing and terminating the sequence.</summary>
    Closing,

    /// <summary>Terminated normally.</summary>
    Closed,

    /// <summary>Ended by an error or by Abort; every pending call failed.</summary>
    Faulted,
}
