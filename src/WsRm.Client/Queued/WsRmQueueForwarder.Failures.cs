using System.Globalization;
using WsRm.Protocol.Sources;
using WsRm.Storage;

namespace WsRm.Client;

// When things go wrong: a session that ended, a sequence lost or given up, refusals, and TimeToLive.
public sealed partial class WsRmQueueForwarder
{
    private const string Expired = "TimeToLive expired before the destination acknowledged it.";

    private async Task OnSessionEndedAsync()
    {
        var session = _ending!;
        _ending = null;
        var error = await session.Ended.ConfigureAwait(false) ?? new WsRmSessionFaultedException($"The session of sequence {session.SequenceId} closed.");
        NoteArrivals(session.TakeUnacknowledged());
        TakeAcknowledgements();
        await OnFailureAsync(DeliveryFailure.Classify(error, opening: false), error).ConfigureAwait(false);
    }

    private async Task OnFailureAsync(DeliveryFailureKind kind, Exception error)
    {
        Interlocked.Increment(ref _failures);
        var now = Now;
        var description = DeliveryFailure.Describe(error);
        var delay = _retry.OnFailure(kind, now, description);
        WsRmClientMetrics.QueueRetry(QueueName, kind);
        _retryAt = now + delay;
        switch (kind)
        {
            case DeliveryFailureKind.SequenceLost:
                await GiveUpSequenceAsync(description, lost: true).ConfigureAwait(false);
                break;
            case DeliveryFailureKind.Refused:
                WsRmQueueLog.Refused(_logger, QueueName, _retry.Refusals, _options.MaxRefusals, description, delay);
                if (_retry.RefusalLimitReached) await SweepRefusedAsync(now).ConfigureAwait(false);
                break;
            default:
                if (_retry.Failures == 1) WsRmQueueLog.Unreachable(_logger, QueueName, description, delay);
                else WsRmQueueLog.StillUnreachable(_logger, QueueName, _retry.Failures, description, delay);
                break;
        }
    }

    // The sequence cannot be used any more: it is forgotten in the store, and the messages numbered on it are decided
    // by SequenceLoss (sent again on a new sequence, or dead under ExactlyOnce when they may have arrived). Messages
    // whose TimeToLive passed are left to the expiry pass. lost: the destination's doing (logged as such), else ours.
    private async Task GiveUpSequenceAsync(string why, bool lost, StoreBatch? batch = null)
    {
        if (_sequence is not { } sequence) return;
        DropSession();
        var now = Now;
        batch ??= new StoreBatch();
        batch.Add(new DeleteSourceSequence(QueueName, sequence.Id));
        int dead = 0, resent = 0;
        foreach (var numbered in _numbered.Values.OrderBy(m => m.Number))
        {
            if (numbered.ExpiredBy(now)) continue;
            var decided = SequenceLoss.Decide(numbered.Message, numbered.MayHaveArrived, _options.ExactlyOnce, why, now);
            batch.Add(new UpdateOutbox(decided));
            if (decided.State == OutboxState.Dead) dead++;
            else resent++;
        }
        await CommitAsync(batch).ConfigureAwait(false);
        if (lost) WsRmQueueLog.SequenceLost(_logger, QueueName, sequence.Id, why, dead, resent);
        else WsRmQueueLog.SequenceGivenUp(_logger, QueueName, sequence.Id, why);
        WsRmClientMetrics.MessagesDeadLettered(QueueName, "sequence_lost", dead);
        _sequence = null;
        _numbered.Clear();
        _candidates.Clear();
        _readPage = true;
    }

    // Messages numbered on a sequence given up earlier (by this process before a crash, or by another): decided as on a
    // lost sequence, not knowing whether they arrived.
    private async Task ResolveGivenUpAsync(IReadOnlyList<OutboxMessage> messages)
    {
        var now = Now;
        var batch = new StoreBatch();
        var dead = 0;
        foreach (var message in messages)
        {
            var why = $"The queue gave up sequence {message.SequenceId} before this message was acknowledged.";
            var decided = SequenceLoss.Decide(message, mayHaveArrived: true, _options.ExactlyOnce, why, now);
            batch.Add(new UpdateOutbox(decided));
            if (decided.State == OutboxState.Dead) dead++;
        }
        await CommitAsync(batch).ConfigureAwait(false);
        WsRmClientMetrics.MessagesDeadLettered(QueueName, "sequence_lost", dead);
        _readPage = true;
    }

    // MaxRefusals refusals in a row: the messages that waited through all of them (enqueued before the first) are
    // undeliverable; the sequence, if any, is given up (its other messages as on a lost sequence).
    private async Task SweepRefusedAsync(DateTimeOffset now)
    {
        var since = _retry.RefusedSince!.Value;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Undeliverable: the destination refused delivery {_retry.Refusals} times in a row since {since:O}. The last answer: {_retry.LastRefusal}");
        DropSession();
        var swept = 0;
        while (true)
        {
            var page = await _store.ReadOutboxAsync(QueueName, _options.PageSize).ConfigureAwait(false);
            var batch = new StoreBatch();
            foreach (var message in page)
            {
                if (message.Enqueued > since || message.ExpiresAt is { } expires && expires <= now) continue;
                batch.Add(new UpdateOutbox(message with { State = OutboxState.Dead, DeadAt = now, DeadReason = reason, LastError = _retry.LastRefusal }));
                if (message.SequenceId == _sequence?.Id && message.Number is { } number) _numbered.Remove(number);
                swept++;
            }
            if (batch.IsEmpty) break;
            await CommitAsync(batch).ConfigureAwait(false);
            if (page.Count < _options.PageSize) break;
        }
        var refusals = _retry.Refusals;
        _retry.OnRefusedSwept();
        if (swept > 0) WsRmQueueLog.Undeliverable(_logger, QueueName, swept, reason);
        WsRmClientMetrics.MessagesDeadLettered(QueueName, "refused", swept);
        await GiveUpSequenceAsync(string.Create(CultureInfo.InvariantCulture, $"The destination refused delivery {refusals} times in a row."), lost: false).ConfigureAwait(false);
        _candidates.Clear();
        _readPage = true;
    }

    // TimeToLive: a message numbered on the current sequence that expires leaves a gap the destination would wait on
    // for ever, so the sequence is given up in the same commit that moves the message to the dead-letter queue; then
    // the store moves every other expired message (ExpireOutboxAsync).
    private async Task ExpireAsync()
    {
        var now = Now;
        _nextExpiry = now + _options.PollInterval;
        var expiring = _numbered.Values.Where(m => m.ExpiredBy(now)).OrderBy(m => m.Number).ToList();
        if (expiring.Count > 0 && _sequence is { } sequence)
        {
            DropSession();
            var batch = new StoreBatch();
            foreach (var numbered in expiring)
            {
                var reason = numbered.MayHaveArrived
                    ? string.Create(CultureInfo.InvariantCulture, $"{Expired} It was sent as message {numbered.Number} of sequence {sequence.Id} and may have been received.")
                    : Expired;
                batch.Add(new UpdateOutbox(numbered.Message with { State = OutboxState.Dead, DeadAt = now, DeadReason = reason }));
            }
            var numbers = string.Join(", ", expiring.Take(10).Select(m => m.Number.ToString(CultureInfo.InvariantCulture))) + (expiring.Count > 10 ? ", …" : "");
            await GiveUpSequenceAsync($"Message(s) {numbers} of it expired (TimeToLive) before they were acknowledged.", lost: false, batch).ConfigureAwait(false);
            WsRmQueueLog.Expired(_logger, QueueName, expiring.Count);
            WsRmClientMetrics.MessagesDeadLettered(QueueName, "expired", expiring.Count);
        }
        var expired = await _store.ExpireOutboxAsync(QueueName, now).ConfigureAwait(false);
        if (expired.Count == 0) return;
        WsRmQueueLog.Expired(_logger, QueueName, expired.Count);
        WsRmClientMetrics.MessagesDeadLettered(QueueName, "expired", expired.Count);
        _readPage = true;
        // One numbered on the current sequence that this process had not read yet: the sequence has a gap now.
        if (_sequence is { } current && expired.Any(m => m.SequenceId == current.Id))
            await GiveUpSequenceAsync("A message of it expired (TimeToLive) before it was acknowledged.", lost: false).ConfigureAwait(false);
    }
}
