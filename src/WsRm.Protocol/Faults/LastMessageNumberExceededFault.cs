namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.0 §4.5: a message number past the one marked LastMessage; unrecoverable.</summary>
public sealed class LastMessageNumberExceededFault(string identifier) : WsRmFault(identifier)
{
    /// <inheritdoc />
    public override string Subcode => "LastMessageNumberExceeded";

    /// <inheritdoc />
    public override string Reason => "The value for wsrm:MessageNumber exceeds the value of the MessageNumber accompanying a LastMessage element in this Sequence.";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Sequence;
}
