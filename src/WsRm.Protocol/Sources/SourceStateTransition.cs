namespace WsRm.Protocol.Sources;

/// <summary>The states before and after a transition, so that repeated Close/Terminate/Fault calls are harmless.</summary>
/// <param name="Before">The state before the call.</param>
/// <param name="After">The state after the call.</param>
internal readonly record struct SourceStateTransition(SourceState Before, SourceState After)
{
    /// <summary>True when the call changed the state.</summary>
    public bool Changed => Before != After;
}
