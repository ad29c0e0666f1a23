namespace WsRm.Testing;

/// <summary>What a <see cref="LossyForwarder"/> decided for one exchange: the fault, a delay for a delay fault, a pick among copies or replays.</summary>
internal readonly record struct FaultRoll(LossyFault Fault, TimeSpan Delay, int Pick);
