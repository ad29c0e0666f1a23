using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// The "done" marks of one durable delivery loop for one-way messages that nothing waits for (no kept reply, no
/// service transaction): they gather while the previous batch commits and go as one batch, so that a session's marks
/// cost one store batch per commit rather than one per message, and the loop never waits for a flush between
/// messages. A mark is in once its batch is committed; until then its message stays in the session's buffer.
/// </summary>
internal sealed class DoneMarks(SequenceManager manager, ServerSession session)
{
    // A batch's size and the batches in flight are bounded: a store failure sends at most this much back for delivery.
    private const int MaxPerBatch = 256;
    private const int MaxBatchesInFlight = 4;

    private readonly Queue<DoneInFlight> _inFlight = new();
    private List<PendingDelivery> _gathering = [];

    /// <summary>True when every mark is in.</summary>
    public bool IsEmpty => _gathering.Count == 0 && _inFlight.Count == 0;

    /// <summary>A delivered message whose mark is to be committed.</summary>
    public void Add(PendingDelivery delivered) => _gathering.Add(delivered);

    /// <summary>
    /// After a delivery: takes the batches that are in, sends what gathered when no batch is in flight (or a batch is
    /// full), and waits for the oldest batch when too many are in flight. Throws <see cref="StoreUnavailableException"/>
    /// when a batch failed (the session was invalidated).
    /// </summary>
    public async Task StepAsync()
    {
        await SettleAsync(MaxBatchesInFlight).ConfigureAwait(false);
        if (_gathering.Count > 0 && (_inFlight.Count == 0 || _gathering.Count >= MaxPerBatch)) Send();
    }

    /// <summary>Before the loop ends: every mark sent and in. Throws as <see cref="StepAsync"/>.</summary>
    public async Task FlushAsync()
    {
        if (_gathering.Count > 0) Send();
        await SettleAsync(0).ConfigureAwait(false);
    }

    /// <summary>
    /// After a store failure (the session left memory): waits for the batches in flight, whatever their outcome; a
    /// message whose mark did not commit is delivered again when the session is read from the store.
    /// </summary>
    public async Task AbandonAsync()
    {
        _gathering = [];
        while (_inFlight.TryDequeue(out var left))
        {
            try
            {
                await left.Commit.ConfigureAwait(false);
            }
            catch (StoreUnavailableException)
            {
            }
        }
    }

    private void Send()
    {
        var batch = new StoreBatch();
        foreach (var p in _gathering) batch.Add(new RemoveMessage(session.Id, p.Number));
        Task<CommitResult> commit;
        lock (session.Sync)
        {
            session.TakeReplyRemovals(batch);
            commit = manager.Submit(batch);
        }
        _inFlight.Enqueue(new DoneInFlight(_gathering, commit));
        _gathering = [];
    }

    // Takes the batches that are in (and all beyond the first keep, waiting for them): their messages leave the buffer.
    private async Task SettleAsync(int keep)
    {
        while (_inFlight.TryPeek(out var head) && (_inFlight.Count > keep || head.Commit.IsCompleted))
        {
            await manager.CommittedAsync(session, head.Commit).ConfigureAwait(false);
            _inFlight.Dequeue();
            lock (session.Sync)
                foreach (var p in head.Delivered) session.Pending.Remove(p.Number);
            foreach (var p in head.Delivered)
            {
                p.Done.TrySetResult(null);
                manager.Metrics.Delivered();
            }
        }
    }
}
