namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.1 §4.3: the identifier names no known (or a terminated) sequence.</summary>
public sealed class UnknownSequenceFault(string identifier) : WsRmFault(identifier)
{
    /// <inheritdoc />
    public override string Subcode => "UnknownSequence";

    /// <inheritdoc />
    public override string Reason => "The value of wsrm:Identifier is not a known Sequence identifier.";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;
}
