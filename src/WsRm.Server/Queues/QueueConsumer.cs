using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WsRm.Protocol;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Dispatch;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Queues;

/// <summary>
/// The consumer of one queued endpoint's target queue: takes due messages from the store (at most
/// <see cref="WsRmQueueOptions.MaxConcurrentCalls"/> at a time, each ordered sequence in order), runs the service on a
/// new instance per message, and marks each done in the store (in the service's own transaction when it used
/// <see cref="WsRmTransaction"/>), or retries it and finally handles it as poison (<see cref="PoisonPolicy"/>). Woken
/// when a message is accepted, else every <see cref="WsRmQueueOptions.PollingInterval"/>.
/// </summary>
internal sealed class QueueConsumer(ServiceEndpoint endpoint, IWsRmStore store, QueueMetrics metrics, TimeProvider time, ILogger logger)
{
    private readonly WsRmQueueOptions _options = endpoint.Queue!;
    // Completed to wake the loop; replaced (at the top of each round, before looking) once it fired, so no wake is lost.
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly List<Task> _running = [];
    private Task? _loop;
    private int _depth;
    private bool _faulted;

    public ServiceEndpoint Endpoint => endpoint;

    /// <summary>True when the target queue holds <see cref="WsRmQueueOptions.MaxQueueLength"/> messages (as last counted).</summary>
    public bool IsFull => Volatile.Read(ref _depth) >= _options.MaxQueueLength;

    /// <summary>A message was committed to the queue: count it and wake the consumer.</summary>
    public void Accepted()
    {
        Interlocked.Increment(ref _depth);
        Wake();
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops taking messages and waits (bounded by <paramref name="cancellationToken"/>) for those running.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_lock) running = [.. _running];
        try
        {
            if (_loop is not null) await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout: what still runs is abandoned; its lease makes it due again after a restart.
        }
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private async Task RunAsync(CancellationToken stop)
    {
        await RefreshAsync().ConfigureAwait(false);
        while (!stop.IsCancellationRequested)
        {
            var wake = Volatile.Read(ref _wake);
            if (wake.Task.IsCompleted)
                Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
            var took = 0;
            try
            {
                if (_faulted) await RefreshAsync().ConfigureAwait(false);
                int free;
                lock (_lock) free = _options.MaxConcurrentCalls - _running.Count;
                if (!_faulted && free > 0)
                {
                    var claimed = await store.ClaimMessagesAsync(endpoint.Pattern, free, time.GetUtcNow(), _options.Lease, stop).ConfigureAwait(false);
                    foreach (var message in claimed) Track(ProcessAsync(message));
                    took = claimed.Count;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreUnavailableException or InvalidDataException)
            {
                WsRmServerLog.QueueStoreFailed(logger, endpoint.Pattern, e.Message);
            }
            if (took > 0) continue;
            try
            {
                await Volatile.Read(ref _wake).Task.WaitAsync(_options.PollingInterval, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (TimeoutException)
            {
                await RefreshAsync().ConfigureAwait(false);
            }
        }
    }

    private void Track(Task task)
    {
        lock (_lock) _running.Add(task);
        _ = task.ContinueWith(t =>
        {
            lock (_lock) _running.Remove(t);
            Wake();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // Reads the queue's depth (and the metrics') from the store, and whether a faulting poison message still blocks it.
    private async Task RefreshAsync()
    {
        try
        {
            var depths = await store.Admin.GetQueueDepthsAsync().ConfigureAwait(false);
            metrics.Update(depths);
            var target = depths.FirstOrDefault(d => d.Kind == QueueKind.Target && d.Name == endpoint.Pattern);
            Volatile.Write(ref _depth, (int)Math.Min(int.MaxValue, target?.Count ?? 0));
            if (_options.ReceiveErrorHandling == ReceiveErrorHandling.Fault || _faulted)
            {
                var poison = await store.Admin.ListPoisonAsync(endpoint.Pattern, 1000).ConfigureAwait(false);
                var faulted = poison.Any(p => p.State == MessageState.Faulted);
                if (_faulted && !faulted) WsRmServerLog.QueueResumed(logger, endpoint.Pattern);
                _faulted = faulted;
            }
        }
        catch (StoreUnavailableException e)
        {
            WsRmServerLog.QueueStoreFailed(logger, endpoint.Pattern, e.Message);
        }
    }

    private async Task ProcessAsync(StoredMessage message)
    {
        await Task.Yield();
        var transaction = new WsRmTransaction(store);
        string? error;
        try
        {
            error = await InvokeAsync(message, transaction).ConfigureAwait(false);
            var done = StoreBatch.Of(new RemoveMessage(message.SequenceId, message.Number));
            if (error is null)
            {
                var result = transaction.Begun is { } begun ? await begun.CommitAsync(done).ConfigureAwait(false) : await store.CommitAsync(done).ConfigureAwait(false);
                if (result == CommitResult.Committed)
                {
                    Interlocked.Decrement(ref _depth);
                    metrics.Processed(endpoint.Pattern);
                }
                return;
            }
        }
        catch (StoreUnavailableException e)
        {
            // Not marked done: its lease runs out and it is taken again (at least once).
            WsRmServerLog.QueueStoreFailed(logger, endpoint.Pattern, e.Message);
            return;
        }
        finally
        {
            if (transaction.Begun is { } begun) await begun.DisposeAsync().ConfigureAwait(false);
        }
        await FailedAsync(message, error).ConfigureAwait(false);
    }

    private async Task FailedAsync(StoredMessage message, string error)
    {
        metrics.Failed(endpoint.Pattern);
        var next = PoisonPolicy.AfterFailure(message, _options, time.GetUtcNow(), error);
        try
        {
            await store.CommitAsync(StoreBatch.Of(next is null ? new RemoveMessage(message.SequenceId, message.Number) : new UpdateMessage(next))).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            WsRmServerLog.QueueStoreFailed(logger, endpoint.Pattern, e.Message);
            return;
        }
        if (!PoisonPolicy.IsPoison(next))
        {
            WsRmServerLog.QueuedMessageFailed(logger, endpoint.Pattern, message.SequenceId, message.Number, message.Attempts + 1, error);
            return;
        }
        metrics.Poison(endpoint.Pattern, _options.ReceiveErrorHandling);
        WsRmServerLog.PoisonMessage(logger, endpoint.Pattern, message.SequenceId, message.Number, _options.ReceiveErrorHandling.ToString(), error);
        Interlocked.Decrement(ref _depth);
        if (next?.State == MessageState.Faulted) _faulted = true;
    }

    // Runs the service on the message; null when it succeeded, else what went wrong in words.
    private async Task<string?> InvokeAsync(StoredMessage stored, WsRmTransaction transaction)
    {
        SoapMessage message;
        try
        {
            message = EnvelopeReader.Read(stored.Envelope);
        }
        catch (Exception e) when (e is SoapParseException or SoapVersionMismatchException)
        {
            return "The stored envelope cannot be read: " + e.Message;
        }
        var action = message.Action ?? "";
        if (!endpoint.Dispatcher.TryGetOperation(action, out var operation))
            return $"The action '{action}' is not an operation of this endpoint.";

        using var activity = WsRmServerMetrics.ActivitySource.StartActivity("wsrm.queue.deliver", ActivityKind.Consumer);
        activity?.SetTag("wsrm.sequence_id", stored.SequenceId);
        activity?.SetTag("wsrm.message_number", stored.Number);
        activity?.SetTag("soap.action", action);

        var lease = endpoint.AcquireCallInstance();
        try
        {
            using var body = message.CreateBodyReader();
            WsRmTransactionAccessor.Set(transaction);
            var result = await operation.InvokeAsync(lease.Instance, body, includeExceptionDetail: true, CancellationToken.None).ConfigureAwait(false);
            // A service that failed because the store did (the database down under its transaction) did not fail on
            // the message: no attempt is counted, and the message is taken again once its lease runs out.
            if (transaction.StoreFailure(result) is { } storeFailure) throw storeFailure;
            return result.FaultValue is { } fault ? result.Exception?.Message ?? fault.Reason : null;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StoreUnavailableException))
        {
            return e.Message;
        }
        finally
        {
            await endpoint.ReleaseCallInstance(lease).ConfigureAwait(false);
        }
    }
}
