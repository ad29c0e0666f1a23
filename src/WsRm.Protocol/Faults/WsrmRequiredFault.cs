namespace WsRm.Protocol.Faults;

/// <summary>
/// WS-RM 1.1 §4.8: the endpoint requires WS-RM and the message is not in a sequence. 1.0 has no such fault; a
/// message without any RM header has no RM version either, so the fault is always in the 1.1 namespace.
/// </summary>
public sealed class WsrmRequiredFault() : WsRmFault(null)
{
    /// <inheritdoc />
    public override string Subcode => "WSRMRequired";

    /// <inheritdoc />
    public override string Reason => "The RM Destination requires the use of WSRM";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;

    /// <inheritdoc />
    protected override bool IsHeaderFault => false;
}
