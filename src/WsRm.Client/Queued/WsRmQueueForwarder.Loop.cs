using WsRm.Storage;

namespace WsRm.Client;

// The background loop: a turn (StepAsync), then a wait for whatever can change what the next turn does. Failures of
// the store pause it with a backoff; a stop ends it and drops the session without closing its sequence.
public sealed partial class WsRmQueueForwarder
{
    private async Task RunAsync(CancellationToken stop)
    {
        ResetState();
        WsRmQueueLog.Started(_logger, QueueName, _options.Address!);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var wake = _wake.WaitAsync();
                var again = false;
                try
                {
                    again = await StepAsync(stop).ConfigureAwait(false);
                    _stepFailures = 0;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The store failed (or something unforeseen): nothing is decided until it works again, and the
                    // loop pauses, backing off like an unreachable destination, so a store that is down is no busy loop.
                    // A commit that failed may still have been written (a database connection broken under way), so
                    // the next turn reads the sequence and the queue again rather than trusting what it held.
                    DropSession();
                    _loaded = false;
                    var delay = _retry.Delay(++_stepFailures);
                    _pausedUntil = Now + delay;
                    if (e is StoreUnavailableException) WsRmQueueLog.StoreFailed(_logger, QueueName, e.Message, delay);
                    else WsRmQueueLog.Failed(_logger, QueueName, delay, e);
                }
                _progress.Signal();
                if (_pausedUntil is { } until)
                {
                    _pausedUntil = null;
                    if (until > Now) await Task.Delay(until - Now, _time, stop).ConfigureAwait(false);
                }
                else if (!again)
                {
                    await WaitAsync(wake, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            DropSession();
            if (_opening is { } opening)
            {
                _opening = null;
                _ = opening.ContinueWith(static t => t.Result.Suspend(), CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
            WsRmQueueLog.Stopped(_logger, QueueName);
            _progress.Signal();
        }
    }

    // Sleeps until something happens: a wake-up (an enqueue, an acknowledgement), the session's end or its window
    // opening while messages wait, CreateSequence answered, or the next timer (expiry, poll, retry).
    private async Task WaitAsync(Task wake, CancellationToken stop)
    {
        var waits = new List<Task>(5) { wake };
        if (_session is { } session)
        {
            waits.Add(session.Ended);
            if (_candidates.Count > 0)
            {
                var changed = session.Changed;
                if (session.HasRoom) return;
                waits.Add(changed);
            }
        }
        if (_ending is { } ending) waits.Add(ending.Quiet);
        if (_opening is { } opening) waits.Add(opening);
        var now = Now;
        var next = _nextExpiry < _nextPoll ? _nextExpiry : _nextPoll;
        if (_session is null && _ending is null && _opening is null && _retryAt is { } retry && retry < next) next = retry;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (next <= now) return;
        waits.Add(Task.Delay(next - now, _time, timer.Token)); // also ends (cancelled) when stop is
        await Task.WhenAny(waits).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
    }
}
