namespace WsRm.Interop.Tests.ReceivePath;

/// <summary>Holds service calls until the test opens it; <see cref="Entered"/> completes when a call is waiting.</summary>
public sealed class InteropGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InteropGate() => _open.SetResult();

    public Task Entered => _entered.Task;

    public void Close()
    {
        lock (_lock) if (_open.Task.IsCompleted) _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Open()
    {
        lock (_lock) _open.TrySetResult();
    }

    public void Pass()
    {
        Task open;
        lock (_lock)
        {
            _entered.TrySetResult();
            open = _open.Task;
        }
        open.Wait(TimeSpan.FromSeconds(60));
    }
}
