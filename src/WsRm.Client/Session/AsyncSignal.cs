namespace WsRm.Client;

/// <summary>
/// A broadcast "something changed" signal: <see cref="WaitAsync"/> returns a task that completes at the next
/// <see cref="Signal"/>. Waiters re-check their condition after it completes, so a signal is never lost as long as
/// the task is taken before the condition is checked (or under the same lock as the change).
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task completed by the next <see cref="Signal"/>.</summary>
    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every current waiter.</summary>
    public void Signal() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
