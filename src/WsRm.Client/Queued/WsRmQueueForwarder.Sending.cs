using WsRm.Protocol.Sources;
using WsRm.Protocol.Xml;
using WsRm.Storage;

namespace WsRm.Client;

// Filling the window from the store: pages of the outbox, owed messages restored, new numbers committed before the
// messages go out, acknowledged ones removed.
public sealed partial class WsRmQueueForwarder
{
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
            if (_toRemove.Contains(message.Id)) continue; // acknowledged; its removal commits next
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
        long[] removed = [.. _toRemove];
        if (removed.Length > 0) batch.Add(new RemoveOutbox(removed));
        var result = await _store.CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
        if (result == CommitResult.Committed && removed.Length > 0)
        {
            _toRemove.ExceptWith(removed);
            WsRmClientMetrics.MessagesDelivered(QueueName, removed.Length);
        }
        return result;
    }

    private static Action<System.Xml.XmlWriter> Body(OutboxMessage message) => XmlFragments.Writer(message.Body) ?? (static _ => { });

}
