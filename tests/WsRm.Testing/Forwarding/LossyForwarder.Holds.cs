namespace WsRm.Testing;

public sealed partial class LossyForwarder
{
    private readonly List<(int Index, TaskCompletionSource Overtaken)> _heldRequests = [];
    private readonly List<(int Index, TaskCompletionSource Overtaken)> _heldResponses = [];
    private readonly List<int> _requestOrder = [];
    private readonly List<int> _responseOrder = [];

    // Waits until an exchange that arrived later passes this point (Overtake): true; or MaxHold: false.
    private async Task<bool> HoldAsync(LossyExchange exchange, List<(int, TaskCompletionSource)> held, CancellationToken cancel)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) held.Add((exchange.Index, signal));
        try
        {
            var released = await Task.WhenAny(signal.Task, Task.Delay(_profile.MaxHold, _time, cancel)).ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
            exchange.Overtaken = released == signal.Task;
            return exchange.Overtaken;
        }
        finally
        {
            lock (_lock) held.RemoveAll(h => h.Item2 == signal);
        }
    }

    // The response of `exchange` has been written to the client: release the responses held before it.
    private void OnAnswered(LossyExchange exchange)
    {
        lock (_lock) _responseOrder.Add(exchange.Index);
        Overtake(_heldResponses, exchange.Index);
    }

    // Exchange `index` has passed: release the holds of exchanges that arrived before it.
    private void Overtake(List<(int Index, TaskCompletionSource Overtaken)> held, int index)
    {
        lock (_lock)
            foreach (var (heldIndex, signal) in held)
                if (heldIndex < index) signal.TrySetResult();
    }

    // A copy of exchange `exchange` has been written to the service.
    private void OnWritten(LossyExchange exchange)
    {
        exchange.OnCopyForwarded();
        Interlocked.Increment(ref _forwarded);
        lock (_lock) _requestOrder.Add(exchange.Index);
        Overtake(_heldRequests, exchange.Index);
    }
}
