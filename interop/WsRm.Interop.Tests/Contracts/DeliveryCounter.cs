namespace WsRm.Interop.Tests.Contracts;

/// <summary>How many messages <see cref="CountingLogService"/> was given; signals when a target count is reached.</summary>
public sealed class DeliveryCounter(int target)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>Messages delivered so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes once <see cref="Count"/> reaches the target given at construction.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Counts one delivered message.</summary>
    public void Add()
    {
        if (Interlocked.Increment(ref _count) >= target) _reached.TrySetResult();
    }
}
