namespace WsRm.Protocol.Faults;

/// <summary>
/// How far a WS-RM fault reaches, like HTTP/2's stream and connection errors: a message error rejects one message, a
/// sequence error ends the sequence.
/// </summary>
public enum FaultScope
{
    /// <summary>Only the message is rejected; the sequence goes on.</summary>
    Message,

    /// <summary>The sequence is terminated.</summary>
    Sequence,
}
