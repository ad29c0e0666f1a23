using System.ServiceModel;

namespace WsRm.Client;

/// <summary>
/// The session can no longer deliver messages: a message was not acknowledged after the allowed retransmissions,
/// the service went silent, the session was aborted, or an earlier failure (the inner exception) faulted it.
/// </summary>
public sealed class WsRmSessionFaultedException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public WsRmSessionFaultedException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The message number concerned, when there is one.</summary>
    public ulong? MessageNumber { get; init; }

    /// <summary>Transmissions made of <see cref="MessageNumber"/>, when the retries ran out.</summary>
    public int? Attempts { get; init; }
}
