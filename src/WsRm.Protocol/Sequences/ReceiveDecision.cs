using WsRm.Protocol.Faults;

namespace WsRm.Protocol.Sequences;

/// <summary>The outcome of <see cref="DestinationSequence.Receive"/>, with the fault when there is one.</summary>
public readonly record struct ReceiveDecision(ReceiveOutcome Outcome, WsRmFault? Fault = null)
{
    internal static readonly ReceiveDecision Accepted = new(ReceiveOutcome.Accepted);
    internal static readonly ReceiveDecision Duplicate = new(ReceiveOutcome.Duplicate);
    internal static readonly ReceiveDecision Dropped = new(ReceiveOutcome.Dropped);
    internal static ReceiveDecision Faulted(WsRmFault fault) => new(ReceiveOutcome.Faulted, fault);
}
