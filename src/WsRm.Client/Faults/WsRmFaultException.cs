using System.ServiceModel;

namespace WsRm.Client;

/// <summary>
/// The service answered with a WS-RM fault (WS-RM 1.1 §4: UnknownSequence, SequenceTerminated, SequenceClosed,
/// InvalidAcknowledgement, MessageNumberRollover, CreateSequenceRefused, …); the session is faulted.
/// </summary>
public sealed class WsRmFaultException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public WsRmFaultException(string subcode, string code, string reason, string? identifier)
        : base($"The service returned the WS-RM fault {subcode}" + (identifier is null ? "" : $" for sequence {identifier}") + $": {reason}")
    {
        Subcode = subcode;
        Code = code;
        Reason = reason;
        Identifier = identifier;
    }

    /// <summary>The WS-RM subcode's local name, such as <c>UnknownSequence</c>.</summary>
    public string Subcode { get; }

    /// <summary>The top-level code's local name (<c>Sender</c>/<c>Receiver</c>, SOAP 1.1 <c>Client</c>/<c>Server</c>).</summary>
    public string Code { get; }

    /// <summary>The reason text.</summary>
    public string Reason { get; }

    /// <summary>The sequence named in the fault detail, when there is one.</summary>
    public string? Identifier { get; }
}
