namespace WsRm.Protocol.Sequences;

/// <summary>The states before and after a transition, so that repeated Close/Terminate calls are harmless.</summary>
public readonly record struct StateTransition(DestinationState Before, DestinationState After)
{
    /// <summary>True when the call changed the state.</summary>
    public bool Changed => Before != After;
}
