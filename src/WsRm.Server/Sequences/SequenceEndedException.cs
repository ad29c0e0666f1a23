using WsRm.Protocol.Faults;

namespace WsRm.Server.Sequences;

/// <summary>Releases requests still waiting on a sequence that was terminated, faulted or expired.</summary>
internal sealed class SequenceEndedException(WsRmFault fault) : Exception(fault.ToString())
{
    public WsRmFault Fault { get; } = fault;
}
