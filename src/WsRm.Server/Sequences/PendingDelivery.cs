using WsRm.Protocol.Sequences;

namespace WsRm.Server.Sequences;

/// <summary>
/// An accepted message not yet answered: <see cref="Turn"/> completes when ordered delivery reaches it,
/// <see cref="Done"/> when it has been delivered (with its reply, if any), so a retransmission can wait for it.
/// </summary>
internal sealed class PendingDelivery(ulong number)
{
    public ulong Number { get; } = number;

    public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<CachedReply?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception reason)
    {
        Turn.TrySetException(reason);
        Done.TrySetException(reason);
    }
}
