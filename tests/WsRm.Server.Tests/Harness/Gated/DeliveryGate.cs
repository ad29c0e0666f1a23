namespace WsRm.Server.Tests.Harness.Gated;

/// <summary>
/// Holds service calls until a test opens it, and tells the test when a call has entered: a way to keep messages in a
/// sequence's receive buffer (undelivered) for as long as a test needs, without sleeping.
/// </summary>
public sealed class DeliveryGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = Opened();
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Calls that start from now on wait until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_lock) if (_open.Task.IsCompleted) _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets every waiting and later call through.</summary>
    public void Open()
    {
        lock (_lock) _open.TrySetResult();
    }

    /// <summary>Completes when a call has entered the service (and, if the gate is closed, waits there).</summary>
    public Task Entered
    {
        get { lock (_lock) return _entered.Task; }
    }

    /// <summary>Called by the service at the start of each call.</summary>
    public Task PassAsync()
    {
        Task open;
        lock (_lock)
        {
            _entered.TrySetResult();
            open = _open.Task;
        }
        return open;
    }

    private static TaskCompletionSource Opened()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}
