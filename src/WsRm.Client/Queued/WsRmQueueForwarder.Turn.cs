using WsRm.Storage;

namespace WsRm.Client;

// One turn of the loop: acknowledgements, the session's end, expiry, polling, connecting, filling the window. The
// fields below are touched by the loop only.
public sealed partial class WsRmQueueForwarder
{
    private readonly Dictionary<ulong, NumberedMessage> _numbered = [];
    private readonly HashSet<ulong> _inSession = [];
    private readonly Queue<OutboxMessage> _candidates = new();
    private readonly HashSet<long> _toRemove = [];
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
        _stepFailures = 0;
        _pausedUntil = null;
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

    private async Task RefreshDepthAsync(CancellationToken stop)
    {
        var depths = await _store.Admin.GetQueueDepthsAsync(stop).ConfigureAwait(false);
        Depth = depths.FirstOrDefault(d => d.Kind == QueueKind.Transmission && d.Name == QueueName)
            ?? new QueueDepth(QueueKind.Transmission, QueueName, 0, null);
    }
}
