using WsRm.Protocol.Sources;
using WsRm.Protocol.Xml;
using WsRm.Storage;

namespace WsRm.Client;

// The loop's turn: acknowledgements, the session's end, expiry, connecting, and filling the window. The fields below
// are touched by the loop only.
public sealed partial class WsRmQueueForwarder
{
    private readonly Dictionary<ulong, NumberedMessage> _numbered = [];
    private readonly HashSet<ulong> _inSession = [];
    private readonly Queue<OutboxMessage> _candidates = new();
    private readonly List<long> _toRemove = [];
    private DeliveryRetry _retry;
    private bool _loaded;
    private StoredSourceSequence? _sequence;
    private WsRmSession? _session;
    private WsRmSession? _ending;
    private Task<WsRmSession>? _opening;
    private bool _readPage;
    private bool _pageFull;
    private bool _moreInStore; // messages may have been enqueued after the last page read
    private DateTimeOffset? _retryAt;
    private DateTimeOffset _nextExpiry;
    private DateTimeOffset _nextPoll;

    private void ResetState()
    {
        _loaded = false;
        _sequence = null;
        _session = null;
        _ending = null;
        _opening = null;
        _numbered.Clear();
        _inSession.Clear();
        _candidates.Clear();
        _toRemove.Clear();
        _retry = NewRetry();
        _retryAt = null;
        _readPage = true;
        _moreInStore = true;
        _nextExpiry = _nextPoll = DateTimeOffset.MinValue;
    }

    // One turn; true when another should follow at once.
    private async Task<bool> StepAsync(CancellationToken stop)
    {
        if (!_loaded)
        {
            await _ready(stop).ConfigureAwait(false);
            await LoadSequenceAsync(stop).ConfigureAwait(false);
            _loaded = true;
        }
        var now = Now;
        Volatile.Write(ref _lastTurn, now.UtcTicks);
        TakeAcknowledgements();
        if (_session is { Ended.IsCompleted: true } ended)
        {
            // Its requests in flight end by themselves first (FinishRequestsOnEnd), so their outcome is known.
            _ending = ended;
            _session = null;
            _inSession.Clear();
        }
        if (_ending is { Quiet.IsCompleted: true }) await OnSessionEndedAsync().ConfigureAwait(false);
        if (_opening is { IsCompleted: true }) await OnOpenedAsync(stop).ConfigureAwait(false);
        if (now >= _nextExpiry) await ExpireAsync().ConfigureAwait(false);
        var looked = Interlocked.Exchange(ref _enqueued, 0) == 1;
        if (now >= _nextPoll)
        {
            _nextPoll = now + _options.PollInterval;
            looked = true;
            await RefreshDepthAsync(stop).ConfigureAwait(false);
        }
        if (looked) _moreInStore = true;
        if (_session is null && _ending is null && _opening is null && (_retryAt is not { } at || now >= at)) await ConnectAsync(stop).ConfigureAwait(false);
        if (_session is not null) return await FillAsync().ConfigureAwait(false);
        if (_toRemove.Count > 0) await CommitAsync(new StoreBatch()).ConfigureAwait(false);
        return false;
    }

    // The stored sequence, unless it was made for another address or RM version than the options now say: then it
    // cannot be resumed, and the messages numbered on it are treated as on a lost sequence when they are read.
    private async Task LoadSequenceAsync(CancellationToken stop)
    {
        var stored = await _store.FindSourceSequenceAsync(QueueName, stop).ConfigureAwait(false);
        if (stored is not null && (stored.Address != _options.Address!.AbsoluteUri || stored.RmNamespace != _sessionOptions.RmVersion.Namespace))
        {
            WsRmQueueLog.SequenceGivenUp(_logger, QueueName, stored.Id, $"it was made for {stored.Address} ({stored.RmNamespace}); the queue now sends to {_options.Address.AbsoluteUri} ({_sessionOptions.RmVersion.Namespace}).");
            await _store.CommitAsync(StoreBatch.Of(new DeleteSourceSequence(QueueName, stored.Id)), stop).ConfigureAwait(false);
            stored = null;
        }
        _sequence = stored;
        _numbered.Clear();
        _candidates.Clear();
        _readPage = true;
    }

    // Starts a session when there is something to send: resumes the stored sequence (nothing is sent until a message
    // is), or creates one (CreateSequence runs in the background; its answer is taken at a later turn).
    private async Task ConnectAsync(CancellationToken stop)
    {
        if (_readPage || (_candidates.Count == 0 && _moreInStore)) await ReadPageAsync().ConfigureAwait(false);
        if (_candidates.Count == 0 && _numbered.Count == 0) return;
        if (_sequence is null)
        {
            _opening = WsRmSession.OpenAsync(_http(), _sessionOptions, _time, _sessionLogger, router: null, stop);
            return;
        }
        Attach(WsRmSession.Resume(_http(), _sessionOptions, _time, _sessionLogger, _sequence.Id, _sequence.LastNumber));
    }

    private async Task OnOpenedAsync(CancellationToken stop)
    {
        var opening = _opening!;
        _opening = null;
        WsRmSession session;
        try
        {
            session = await opening.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await OnFailureAsync(DeliveryFailure.Classify(e, opening: true), e).ConfigureAwait(false);
            return;
        }
        var created = new StoredSourceSequence
        {
            Queue = QueueName, Id = session.SequenceId, Address = _options.Address!.AbsoluteUri,
            RmNamespace = _sessionOptions.RmVersion.Namespace, LastNumber = 0, Created = Now,
        };
        CommitResult result;
        try
        {
            result = await _store.CommitAsync(StoreBatch.Of(new SaveSourceSequence(created)), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            session.Suspend();
            throw;
        }
        if (result == CommitResult.Conflict)
        {
            session.Suspend();
            await OnConflictAsync(stop).ConfigureAwait(false);
            return;
        }
        _sequence = created with { Version = 1 };
        WsRmQueueLog.SequenceCreated(_logger, QueueName, session.SequenceId);
        Attach(session);
    }

    private void Attach(WsRmSession session)
    {
        session.FinishRequestsOnEnd = true;
        _session = session;
        _inSession.Clear();
        var sequenceId = session.SequenceId;
        session.Acknowledged = numbers =>
        {
            _acknowledged.Enqueue((sequenceId, numbers));
            _wake.Signal();
        };
    }

    // Reads the oldest pending messages: unnumbered ones become candidates; those numbered on the current sequence are
    // owed to it (sent again if this session does not carry them); those numbered on a sequence given up are decided as
    // on a lost sequence (they may have arrived: nothing in this process knows).
    private async Task ReadPageAsync()
    {
        _readPage = false;
        _moreInStore = false;
        var page = await _store.ReadOutboxAsync(QueueName, _options.PageSize).ConfigureAwait(false);
        _pageFull = page.Count >= _options.PageSize;
        _candidates.Clear();
        var now = Now;
        List<OutboxMessage>? lost = null;
        foreach (var message in page)
        {
            if (message.ExpiresAt is { } expires)
            {
                if (expires <= now)
                {
                    _nextExpiry = now; // the next turn moves it to the dead-letter queue
                    continue;
                }
                if (expires < _nextExpiry) _nextExpiry = expires;
            }
            if (message.SequenceId is null || message.Number is null) _candidates.Enqueue(message);
            else if (message.SequenceId == _sequence?.Id && message.Number <= _sequence.LastNumber) _numbered.TryAdd(message.Number.Value, new NumberedMessage(message, mayHaveArrived: true));
            else (lost ??= []).Add(message);
        }
        if (lost is not null) await ResolveGivenUpAsync(lost).ConfigureAwait(false);
    }

    // Fills the window: owed messages first, then new numbers, committed before they are sent. True when the loop
    // should turn again at once.
    private async Task<bool> FillAsync()
    {
        if (_readPage || (_candidates.Count == 0 && (_pageFull || _moreInStore))) await ReadPageAsync().ConfigureAwait(false);
        if (_session is null) return true;
        RestoreOwed();
        return await NumberAsync().ConfigureAwait(false);
    }

    private void RestoreOwed()
    {
        var session = _session!;
        if (_numbered.Count == _inSession.Count) return;
        var restored = 0;
        foreach (var number in _numbered.Keys.Where(n => !_inSession.Contains(n)).Order().ToList())
        {
            var owed = _numbered[number];
            var outcome = session.Restore(number, owed.Message.Action, Body(owed.Message), owed.MayHaveArrived);
            if (outcome == RestoreOutcome.NotActive) return;
            if (outcome == RestoreOutcome.Acknowledged)
            {
                _numbered.Remove(number);
                _toRemove.Add(owed.Message.Id);
                continue;
            }
            _inSession.Add(number);
            if (outcome == RestoreOutcome.Restored) restored++;
        }
        if (restored > 0) WsRmQueueLog.Restored(_logger, QueueName, session.SequenceId, restored);
    }

    // Numbers candidates while the window has room; the sequence's last number and each message's number (with the
    // removal of acknowledged messages) commit in one batch, and only then do the messages go out.
    private async Task<bool> NumberAsync()
    {
        var session = _session!;
        var sequence = _sequence!;
        var now = Now;
        var reserved = new List<OutboxMessage>();
        while (_candidates.TryPeek(out var candidate))
        {
            if (candidate.ExpiresAt is { } expires && expires <= now)
            {
                _candidates.Dequeue(); // the expiry pass takes it; never revive it by writing it back
                continue;
            }
            if (session.Reserve(candidate.Action, Body(candidate)) is not { } number) break;
            _candidates.Dequeue();
            reserved.Add(candidate with { SequenceId = sequence.Id, Number = number, Attempts = candidate.Attempts + 1 });
        }
        if (reserved.Count == 0)
        {
            if (_toRemove.Count > 0) await CommitAsync(new StoreBatch()).ConfigureAwait(false);
            return false;
        }
        if (reserved[0].Number != sequence.LastNumber + 1)
        {
            DropSession();
            throw new InvalidOperationException($"Sequence {sequence.Id} numbered {reserved[0].Number} after the stored {sequence.LastNumber}.");
        }
        var saved = sequence with { LastNumber = reserved[^1].Number!.Value };
        var batch = new StoreBatch().Add(new SaveSourceSequence(saved));
        foreach (var message in reserved) batch.Add(new UpdateOutbox(message));
        CommitResult result;
        try
        {
            result = await CommitAsync(batch).ConfigureAwait(false);
        }
        catch
        {
            DropSession(); // the numbers were never sent: the stored sequence still ends before them
            throw;
        }
        if (result == CommitResult.Conflict)
        {
            DropSession();
            await OnConflictAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }
        _sequence = saved with { Version = saved.Version + 1 };
        foreach (var message in reserved)
        {
            _numbered[message.Number!.Value] = new NumberedMessage(message, mayHaveArrived: false);
            _inSession.Add(message.Number.Value);
        }
        foreach (var message in reserved) session.Transmit(message.Number!.Value);
        return _candidates.Count > 0 && session.HasRoom;
    }

    // Acknowledged messages of the current sequence leave the window; their rows are removed with the next commit.
    private void TakeAcknowledgements()
    {
        var delivered = 0;
        while (_acknowledged.TryDequeue(out var acknowledged))
        {
            if (acknowledged.SequenceId != _sequence?.Id) continue;
            foreach (var number in acknowledged.Numbers)
            {
                if (!_numbered.Remove(number, out var message)) continue;
                _inSession.Remove(number);
                _toRemove.Add(message.Message.Id);
                delivered++;
            }
        }
        if (delivered > 0) _retry.OnProgress();
    }

    // Commits batch with the pending removals of acknowledged messages; they stay pending if it fails.
    private async Task<CommitResult> CommitAsync(StoreBatch batch)
    {
        var removed = _toRemove.Count;
        if (removed > 0) batch.Add(new RemoveOutbox([.. _toRemove]));
        var result = await _store.CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
        if (result == CommitResult.Committed && removed > 0)
        {
            _toRemove.RemoveRange(0, removed);
            WsRmClientMetrics.MessagesDelivered(QueueName, removed);
        }
        return result;
    }

    // The session ends here (a stop, a store failure, a decision to give up the sequence) without closing its
    // sequence; what it knew of each message's arrival is kept for the next one.
    private void DropSession()
    {
        if (_ending is { } ending)
        {
            _ending = null;
            ending.Suspend();
            NoteArrivals(ending.TakeUnacknowledged());
        }
        if (_session is not { } session) return;
        _session = null;
        _inSession.Clear();
        session.Suspend();
        NoteArrivals(session.TakeUnacknowledged());
    }

    private void NoteArrivals(IReadOnlyList<SourceMessage> unacknowledged)
    {
        foreach (var message in unacknowledged)
            if (_numbered.TryGetValue(message.Number, out var numbered)) numbered.MayHaveArrived |= message.MayHaveArrived;
    }

    // Someone else changed the queue's sequence: read it again and retry later.
    private async Task OnConflictAsync(CancellationToken stop)
    {
        WsRmQueueLog.Conflict(_logger, QueueName);
        var delay = _retry.OnFailure(DeliveryFailureKind.Transient, Now, "conflict");
        _retryAt = Now + delay;
        await LoadSequenceAsync(stop).ConfigureAwait(false);
    }

    private async Task RefreshDepthAsync(CancellationToken stop)
    {
        var depths = await _store.Admin.GetQueueDepthsAsync(stop).ConfigureAwait(false);
        Depth = depths.FirstOrDefault(d => d.Kind == QueueKind.Transmission && d.Name == QueueName)
            ?? new QueueDepth(QueueKind.Transmission, QueueName, 0, null);
    }

    private static Action<System.Xml.XmlWriter> Body(OutboxMessage message) => XmlFragments.Writer(message.Body) ?? (static _ => { });
}
