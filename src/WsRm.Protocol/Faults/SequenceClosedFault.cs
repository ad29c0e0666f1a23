namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.1 §4.7: a message arrived for a closed sequence.</summary>
public sealed class SequenceClosedFault(string identifier) : WsRmFault(identifier)
{
    /// <inheritdoc />
    public override string Subcode => "SequenceClosed";

    /// <inheritdoc />
    public override string Reason => "The Sequence is closed and cannot accept new messages.";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;
}
