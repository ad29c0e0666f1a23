namespace WsRm.Protocol.Faults;

/// <summary>The top-level SOAP fault code. SOAP 1.1 spells Sender/Receiver as <c>Client</c>/<c>Server</c>.</summary>
public enum FaultCodeKind
{
    /// <summary>The message was bad.</summary>
    Sender,

    /// <summary>The receiver failed to process a good message.</summary>
    Receiver,

    /// <summary>A header marked mustUnderstand was not understood.</summary>
    MustUnderstand,

    /// <summary>The envelope namespace is not a SOAP version the receiver speaks.</summary>
    VersionMismatch,
}
