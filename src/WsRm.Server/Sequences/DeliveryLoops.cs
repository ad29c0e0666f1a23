namespace WsRm.Server.Sequences;

/// <summary>
/// Counts the durable sessions' delivery loops that are running, so that a stopping host can wait for them: a message
/// the service ran must be marked done in the store before the store closes, or the next start (in this process or
/// another) would run it again.
/// </summary>
internal sealed class DeliveryLoops
{
    private readonly Lock _sync = new();
    private int _running;
    private TaskCompletionSource? _idle;

    /// <summary>The number of loops running now.</summary>
    public int Running
    {
        get { lock (_sync) return _running; }
    }

    public void Enter()
    {
        lock (_sync) _running++;
    }

    public void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (_sync)
        {
            if (--_running == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }
        idle?.TrySetResult();
    }

    /// <summary>Completes when no loop runs; throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_running == 0) return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }
}
