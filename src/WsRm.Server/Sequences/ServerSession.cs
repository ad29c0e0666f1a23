using WsRm.Protocol.ReliableMessaging;
using WsRm.Server.Hosting;
using WsRm.Storage;
using WsRm.Server.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// The live part of one sequence next to its stored <see cref="SequenceRecord"/>: the lock that serialises its state
/// changes, the receive buffer of accepted messages not yet delivered, whether its delivery loop runs, and the
/// per-session service instance.
/// </summary>
internal sealed class ServerSession(SequenceRecord record, ServiceEndpoint endpoint)
{
    private ServiceInstanceLease? _instance;

    public SequenceRecord Record { get; } = record;
    public ServiceEndpoint Endpoint { get; } = endpoint;
    public string Id => Record.Id;

    /// <summary>Guards <see cref="Record"/>, <see cref="Pending"/>, <see cref="Arrivals"/> and <see cref="Delivering"/>; never held across an await.</summary>
    public Lock Sync { get; } = new();

    /// <summary>
    /// The receive buffer: accepted messages not yet delivered, by number. Bounded by MaxTransferWindowSize, since
    /// the destination accepts no more than that many undelivered messages.
    /// </summary>
    public Dictionary<ulong, PendingDelivery> Pending { get; } = [];

    /// <summary>Unordered sessions deliver in arrival order: the numbers waiting, oldest first.</summary>
    public Queue<ulong> Arrivals { get; } = new();

    /// <summary>
    /// True while a delivery loop runs for this session. One loop at a time delivers its messages, so calls on one
    /// session run one at a time (WCF's ConcurrencyMode.Single) and in order when the endpoint is ordered.
    /// </summary>
    public bool Delivering { get; set; }

    /// <summary>
    /// Durable: numbers accepted whose commit is still in flight (under <see cref="Sync"/>). They are left out of every
    /// acknowledgement: an answer taken after one message's commit must not acknowledge another received meanwhile and
    /// not yet written, which a crash would lose after its source had let it go.
    /// </summary>
    public SortedSet<ulong> Uncommitted { get; } = [];

    /// <summary>
    /// The acknowledgement to send now (under <see cref="Sync"/>): the destination's (WS-RM 1.1 §3.9), without the
    /// <see cref="Uncommitted"/> numbers. Throws <see cref="StoreUnavailableException"/> once the session left memory on a
    /// store failure (answered 503).
    /// </summary>
    public SequenceAcknowledgement Acknowledgement(bool flowControl)
    {
        // A session that left memory on a store failure was terminated here only, not for its source: its final
        // acknowledgement would end the source's sequence (1.1 Final). The store's copy is read again instead, and the
        // answer is a 503 that the source retransmits through.
        if (_endedBy is StoreUnavailableException failure)
            throw new StoreUnavailableException($"Sequence {Id} left memory on a store failure; it is read again from the store.", failure);
        var ack = Record.Destination.Acknowledgement(flowControl);
        return Uncommitted.Count == 0 ? ack : ack with { Ranges = Without(ack.Ranges, Uncommitted) };
    }

    private static AckRange[] Without(IReadOnlyList<AckRange> ranges, SortedSet<ulong> numbers)
    {
        var result = new List<AckRange>(ranges.Count + numbers.Count);
        foreach (var range in ranges)
        {
            var lower = range.Lower;
            var rest = true;
            foreach (var n in numbers.GetViewBetween(range.Lower, range.Upper))
            {
                if (n > lower) result.Add(new AckRange(lower, n - 1));
                if (n == range.Upper) rest = false;
                else lower = n + 1;
            }
            if (rest) result.Add(new AckRange(lower, range.Upper));
        }
        return [.. result];
    }

    /// <summary>For a durable session, the version of its stored sequence after the last change written (0: not stored).</summary>
    public long Version { get; set; }

    // Reply-number ranges the client acknowledged, not yet removed from the store: they ride on the next batch.
    private List<(ulong Lower, ulong Upper)>? _replyRemovals;

    /// <summary>Notes acknowledged replies of a durable session, to remove them from the store with its next change. Under <see cref="Sync"/>.</summary>
    public void NoteAcknowledgedReplies(IReadOnlyList<AckRange> ranges)
    {
        if (!Endpoint.Durable || ranges.Count == 0) return;
        _replyRemovals ??= [];
        foreach (var r in ranges) _replyRemovals.Add((r.Lower, r.Upper));
    }

    /// <summary>Adds the noted reply removals to <paramref name="batch"/> and forgets them. Under <see cref="Sync"/>.</summary>
    public StoreBatch TakeReplyRemovals(StoreBatch batch)
    {
        if (_replyRemovals is { Count: > 0 } removals)
        {
            batch.Add(new RemoveReplies(Id, [.. removals]));
            removals.Clear();
        }
        return batch;
    }

    /// <summary>
    /// Answers held until the buffer has room again (see SequencedMessageProcessor): each place the delivery loop frees
    /// releases them all to look again.
    /// </summary>
    public Queue<TaskCompletionSource> RoomWaiters { get; } = new();

    public bool Ended { get; private set; }

    private Exception? _endedBy;

    /// <summary>
    /// True once the sequence was terminated by its source or expired while messages it acknowledged were still in the
    /// buffer: nothing new is accepted, but those are still delivered (in number order, past any gap) before the
    /// session goes.
    /// </summary>
    public bool Draining { get; private set; }

    /// <summary>The instance calls run on: the session's own per session, else the endpoint's; call <see cref="ReleaseCallInstance"/> after.</summary>
    public ServiceInstanceLease AcquireInstance()
    {
        if (Endpoint.InstanceMode != ServiceInstanceMode.PerSession) return Endpoint.AcquireCallInstance();
        lock (Sync) return _instance ??= Endpoint.CreateScoped();
    }

    public ValueTask ReleaseCallInstance(ServiceInstanceLease lease) =>
        Endpoint.InstanceMode == ServiceInstanceMode.PerSession ? ValueTask.CompletedTask : Endpoint.ReleaseCallInstance(lease);

    /// <summary>
    /// Ends the session after its source terminated it or it expired: accepted messages still in the buffer were
    /// acknowledged, so they are delivered first (see <see cref="Draining"/>); the delivery loop ends the session when the
    /// buffer is empty. Returns true when nothing is left to deliver, so the caller ends it at once.
    /// </summary>
    public bool BeginDrain()
    {
        lock (Sync)
        {
            if (Ended) return false;
            Record.Destination.Terminate();
            Draining = true;
            return Pending.Count == 0 && !Delivering;
        }
    }

    /// <summary>
    /// Ends the session: fails waiting requests with <paramref name="reason"/> (a <see cref="SequenceEndedException"/>,
    /// or a store failure), drops undelivered messages and disposes the session instance. Idempotent.
    /// </summary>
    public async ValueTask EndAsync(Exception reason)
    {
        ServiceInstanceLease? instance;
        PendingDelivery[] waiting;
        lock (Sync)
        {
            if (Ended) return;
            Ended = true;
            _endedBy = reason;
            Record.Destination.Terminate();
            waiting = [.. Pending.Values];
            Pending.Clear();
            Arrivals.Clear();
            while (RoomWaiters.TryDequeue(out var room)) room.TrySetResult();
            // A delivery loop still running owns the instance until its call returns; it disposes it then.
            instance = Delivering ? null : _instance;
            if (!Delivering) _instance = null;
        }
        foreach (var p in waiting) p.Fail(reason);
        if (instance is not null) await instance.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Called by the delivery loop when it stops after the session ended: disposes the instance it was using.</summary>
    public ValueTask ReleaseAfterEndAsync()
    {
        ServiceInstanceLease? instance;
        lock (Sync)
        {
            instance = _instance;
            _instance = null;
        }
        return instance?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
