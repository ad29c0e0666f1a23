namespace WsRm.Protocol.Faults;

/// <summary>Who caused a fault: SOAP 1.2 <c>Sender</c>/<c>Receiver</c>, SOAP 1.1 <c>Client</c>/<c>Server</c>.</summary>
public enum FaultCodeKind
{
    /// <summary>The message was bad.</summary>
    Sender,

    /// <summary>The receiver failed to process a good message.</summary>
    Receiver,
}
