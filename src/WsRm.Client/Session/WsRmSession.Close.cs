using WsRm.Protocol.Soap;
using WsRm.Protocol.Sources;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    /// <summary>
    /// Closes gracefully: waits until every message is acknowledged (and every reply received), asking a service that
    /// answered without acknowledging with AckRequested at once, then WS-RM 1.1 sends CloseSequence and checks the final
    /// acknowledgement is exactly 1..last (§3.5), WS-RM 1.0 sends the LastMessage (§3.5 of 1.0) and waits for its
    /// acknowledgement; then TerminateSequence (§3.6). A service that answers AckRequested without any acknowledgement
    /// (gSOAP acknowledges one-way messages only on later responses) is asked for a final acknowledgement once every
    /// unacknowledged message was accepted: 1.1 sends CloseSequence, whose final acknowledgement must cover them; 1.0
    /// sends the LastMessage, asks once more, then TerminateSequence, whose answer's acknowledgement must cover them
    /// (WCF, gSOAP and WsRm's server answer it with their own TerminateSequence and the acknowledgement; the body is
    /// not checked). Bounded by <see cref="WsRmClientOptions.OperationTimeout"/> (<see cref="TimeoutException"/> naming
    /// the unacknowledged messages). Any failure faults the session and is thrown: a message never acknowledged is
    /// never silently dropped.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the session is then faulted.</param>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            if (_state == SessionState.Closed) return;
            if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} is faulted: {_failure?.Message}", _failure);
            if (_state == SessionState.Closing) throw new InvalidOperationException($"The session of sequence {_source.Id} is already closing.");
            _state = SessionState.Closing;
            _source.BeginClose();
            _progress.Signal();
        }
        _scheduler.WakeIfEarlier(); // closing awaits acknowledgements: one may be asked for at once
        using var timeout = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            while (true)
            {
                var step = await NextCloseStepAsync(linked.Token).ConfigureAwait(false);
                if (step == SourceCloseStep.SendCloseSequence) await CloseSequenceAsync(linked.Token).ConfigureAwait(false);
                else if (step == SourceCloseStep.SendLastMessage) await SendLastMessageAsync(linked.Token).ConfigureAwait(false);
                else
                {
                    if (step == SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement) await TerminateForFinalAcknowledgementAsync(linked.Token).ConfigureAwait(false);
                    else await TerminateSequenceAsync(linked.Token).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var error = e is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? new TimeoutException($"Closing sequence {_source.Id} did not complete within {_options.OperationTimeout}.{Unacknowledged()}", e)
                : e;
            FaultSession(error);
            if (error == e) throw;
            throw error;
        }
        ulong messages;
        lock (_sync)
        {
            _state = SessionState.Closed;
            _source.Terminate();
            _replies.Terminate();
            messages = _source.HighestAssigned;
            _progress.Signal();
        }
        _stop.Cancel();
        _abandon.Cancel();
        _router?.Unregister(this);
        _ended.TrySetResult(null);
        NoteQuiet();
        WsRmClientLog.SessionClosed(_logger, _source.Id, messages);
        WsRmClientMetrics.SessionEnded(faulted: false);
    }

    // Waits until the source's next close step (SourceSequence.NextCloseStep) can be taken, and returns it. The
    // decision is made under the same lock as the check, with what must not follow it: no retransmission after
    // CloseSequence or TerminateSequence.
    private async Task<SourceCloseStep> NextCloseStepAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitUntilAsync(() => ReadyCloseStep() != SourceCloseStep.None, cancellationToken).ConfigureAwait(false);
            SourceCloseStep step;
            int unacknowledged;
            lock (_sync)
            {
                step = ReadyCloseStep();
                if (step == SourceCloseStep.None) continue;
                if (step == SourceCloseStep.SendCloseSequence) _source.OnCloseSequenceSent();
                else if (step == SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement) _source.OnTerminateSequenceSent();
                unacknowledged = _source.UnacknowledgedCount;
            }
            if (unacknowledged > 0 && step == SourceCloseStep.SendCloseSequence) WsRmClientLog.ClosingForFinalAcknowledgement(_logger, _source.Id, unacknowledged);
            if (step == SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement) WsRmClientLog.TerminatingForFinalAcknowledgement(_logger, _source.Id, unacknowledged);
            return step;
        }
    }

    // Under the lock: the source's next close step once the session is ready for it, else None. Every reply is in: with
    // everything acknowledged no call is left; with messages left for a final acknowledgement, only calls that
    // completed on their answer (one-way, the LastMessage). TerminateSequence for the final acknowledgement also waits
    // until none of the session's requests is in flight: the destination forgets the sequence, and a late answer to
    // an AckRequested or a retransmission would be a fault that ends the session.
    private SourceCloseStep ReadyCloseStep()
    {
        var step = _source.NextCloseStep;
        if (step == SourceCloseStep.None) return step;
        if (_source.IsFullyAcknowledged ? _calls.Count > 0 : _calls.Values.Any(call => !call.CompletesOnAnswer)) return SourceCloseStep.None;
        if (step == SourceCloseStep.SendTerminateSequenceForFinalAcknowledgement && _requestsInFlight > 0) return SourceCloseStep.None;
        return step;
    }

    // " Message(s) 3, 4 were not acknowledged." or "", for the close timeout's message.
    private string Unacknowledged()
    {
        List<ulong> numbers;
        lock (_sync) numbers = [.. _source.UnacknowledgedNumbers.Take(11)];
        if (numbers.Count == 0) return "";
        var list = string.Join(", ", numbers.Take(10)) + (numbers.Count > 10 ? ", …" : "");
        return $" Message(s) {list} were not acknowledged.";
    }

    // A control message until answered (ControlExchange), counted among the session's requests in flight.
    private async Task<SoapMessage?> ExchangeAsync(byte[] request, string action, CancellationToken cancellationToken)
    {
        lock (_sync) _requestsInFlight++;
        try
        {
            return await ControlExchange.RunAsync(_transport, () => request, action, _options, _time, _logger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync) _requestsInFlight--;
            NoteQuiet();
            RequestEnded?.Invoke();
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (_state == SessionState.Faulted) throw new WsRmSessionFaultedException($"The session of sequence {_source.Id} faulted: {_failure?.Message}", _failure);
                if (condition()) return;
                changed = _progress.WaitAsync();
            }
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
