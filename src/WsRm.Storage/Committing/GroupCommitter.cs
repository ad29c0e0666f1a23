using System.Threading.Channels;

namespace WsRm.Storage.Committing;

/// <summary>
/// Group commit: batches submitted while the writer is busy wait together and are written in one transaction with one
/// flush, in the order they were submitted. A batch that conflicts is left out and the rest written again, so one
/// stale writer never fails the others. Batches are taken in the order <see cref="CommitAsync"/> was called, so a caller
/// that submits under its own lock keeps its changes in order; the queue is not bounded here because its submitters
/// are (each HTTP request or delivery waits for its one batch, and those are bounded by the server's limits).
/// </summary>
internal sealed class GroupCommitter : IAsyncDisposable
{
    private readonly Channel<PendingCommit> _queue;
    private readonly IGroupWriter _writer;
    private readonly int _maxGroup;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public GroupCommitter(IGroupWriter writer, int maxGroup = 512)
    {
        _writer = writer;
        _maxGroup = maxGroup;
        _queue = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues <paramref name="batch"/> before returning (so the order of calls is the order of writes); the task completes
    /// when it is committed (or conflicted). Once queued a batch is written whatever happens to the caller.
    /// </summary>
    public Task<CommitResult> CommitAsync(StoreBatch batch)
    {
        if (batch.IsEmpty) return Task.FromResult(CommitResult.Committed);
        var pending = new PendingCommit(batch);
        if (!_queue.Writer.TryWrite(pending)) return Task.FromException<CommitResult>(new StoreUnavailableException("The store is closing."));
        return pending.Outcome.Task;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingCommit>(_maxGroup);
        var batches = new List<StoreBatch>(_maxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                // Requests already queued on the thread pool may be about to submit: let them, once, so that they share
                // this flush instead of waiting for the next (no timer: the delay is only the work already waiting).
                await Task.Yield();
                while (group.Count < _maxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
                await WriteGroupAsync(group, batches).ConfigureAwait(false);
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        foreach (var left in group) left.Outcome.TrySetException(new StoreUnavailableException("The store is closing."));
        while (_queue.Reader.TryRead(out var left)) left.Outcome.TrySetException(new StoreUnavailableException("The store is closing."));
    }

    private async Task WriteGroupAsync(List<PendingCommit> group, List<StoreBatch> batches)
    {
        while (group.Count > 0)
        {
            batches.Clear();
            foreach (var p in group) batches.Add(p.Batch);
            int conflict;
            try
            {
                conflict = await _writer.WriteAsync(batches, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var failure = e as StoreUnavailableException ?? new StoreUnavailableException($"The {_writer.Provider} store failed to commit: {e.Message}", e);
                foreach (var p in group) p.Outcome.TrySetException(failure);
                return;
            }
            if (conflict < 0)
            {
                StoreMetrics.Committed(_writer.Provider, group.Count);
                foreach (var p in group) p.Outcome.TrySetResult(CommitResult.Committed);
                return;
            }
            StoreMetrics.Conflicted(_writer.Provider);
            group[conflict].Outcome.TrySetResult(CommitResult.Conflict);
            group.RemoveAt(conflict);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
