using WsRm.Protocol.Soap;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    /// <summary>HTTP requests of this session whose exchange has not ended (for tests driving a FakeTimeProvider).</summary>
    internal int RequestsInFlight
    {
        get { lock (_sync) return _requestsInFlight; }
    }

    /// <summary>Raised after each HTTP exchange ended and was processed (for tests).</summary>
    internal event Action? RequestEnded;

    /// <summary>Messages assigned and not acknowledged (for tests).</summary>
    internal int UnacknowledgedCount
    {
        get { lock (_sync) return _source.UnacknowledgedCount; }
    }

    // Sends one envelope on its own HTTP request, bounded by the attempt timeout. attempt is the transmission's
    // ordinal for an unacknowledged application message (SourceSequence.TransmissionsOf after OnSent), 0 otherwise;
    // ackRequest the stamp of a standalone AckRequested (SourceSequence.OnAckRequestedSent), 0 otherwise. The request
    // was counted in _requestsInFlight under the lock that decided it (BuildForSend, or HandleDue's AckRequested), so
    // that no observer sees a decided send as not in flight.
    private void StartSend(byte[] envelope, string action, PendingCall? call, int attempt = 0, long ackRequest = 0)
    {
        TimeSpan timeout;
        lock (_sync) timeout = _options.AttemptTimeout(_source.Rtt.CurrentTimeout);
        _ = SendAndProcessAsync(envelope, action, call, attempt, ackRequest, timeout);
    }

    private async Task SendAndProcessAsync(byte[] envelope, string action, PendingCall? call, int attempt, long ackRequest, TimeSpan timeout)
    {
        var answered = false;
        var acknowledged = false;
        try
        {
            SoapMessage? response;
            using (var perAttempt = new CancellationTokenSource(timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_abandon.Token, perAttempt.Token))
            {
                try
                {
                    response = await _transport.SendAsync(envelope, action, linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (TransportErrors.IsTransient(e))
                {
                    if (_abandon.IsCancellationRequested) return;
                    var error = perAttempt.IsCancellationRequested && e is OperationCanceledException
                        ? $"no response within {timeout}"
                        : TransportErrors.Describe(e);
                    OnSendFailed(call, attempt, action, e, error);
                    return;
                }
                catch (HttpRequestException e)
                {
                    // A status retrying cannot change (407, 401, 404, a redirect): fail now, not after every retry.
                    FaultSession(new WsRmSessionFaultedException($"The session of sequence {_source.Id} cannot send '{action}': {e.Message}", e));
                    return;
                }
            }
            answered = true;
            if (response is not null) acknowledged = OnResponse(response, call, attempt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            FaultSession(new WsRmSessionFaultedException($"Processing the answer to '{action}' failed: {e.Message}", e));
        }
        finally
        {
            PendingCall? accepted = null;
            var learned = false;
            var unacknowledged = false;
            lock (_sync)
            {
                _requestsInFlight--;
                if (call is not null) call.InFlight--;
                if (answered) accepted = OnAnswered(call, attempt, ackRequest, acknowledged, out learned, out unacknowledged);
                if (_requestsInFlight == 0 && _state == SessionState.Closing) _progress.Signal(); // a close may wait for quiet
            }
            NoteQuiet();
            if (unacknowledged) WsRmClientLog.AnsweredWithoutAcknowledgement(_logger, _source.Id, call!.Number, attempt);
            if (learned) WsRmClientLog.DestinationAcknowledgesLate(_logger, _source.Id, call!.Number);
            accepted?.Complete(null);
            _scheduler.WakeIfEarlier();
            RequestEnded?.Invoke();
        }
    }

    // Under the lock: a transmission was answered (HTTP 202, or a response OnResponse already processed). A one-way
    // call is complete once the service accepted its message, acknowledged or not (WCF's one-way calls complete when
    // the transport took the message); an unacknowledged message stays in the window and is asked for with
    // AckRequested. Returns the call to complete; learned is true when this answer showed, for the first time, that
    // the destination acknowledges late. acknowledged: the answer carried an acknowledgement of our sequence.
    private PendingCall? OnAnswered(PendingCall? call, int attempt, long ackRequest, bool acknowledged, out bool learned, out bool unacknowledged)
    {
        learned = false;
        unacknowledged = false;
        if (_state is SessionState.Faulted or SessionState.Closed) return null;
        var now = _time.GetUtcNow();
        if (ackRequest != 0)
        {
            _source.OnAckRequestedAnswered(ackRequest, acknowledged, now);
            _progress.Signal(); // a closing session may now ask for the final acknowledgement
        }
        if (call is null) return null;
        if (attempt > 0)
        {
            var before = _source.RequestsAcknowledgements;
            if (_source.OnTransmissionAnswered(call.Number, attempt, now, acknowledged))
            {
                unacknowledged = true;
                learned = !before && _source.RequestsAcknowledgements;
                _progress.Signal();
            }
        }
        if (!call.CompletesOnAnswer || call.IsDone) return null;
        return call;
    }

    // A transmission got no answer at all: bring its retry forward (SourceSequence.OnTransmissionFailed), or, for a
    // resend that recovers a lost reply, the reply's due time. The timer loop is woken by the caller's finally.
    private void OnSendFailed(PendingCall? call, int attempt, string action, Exception exception, string error)
    {
        DateTimeOffset? retryAt = null;
        lock (_sync)
        {
            // A refused connection sent nothing: the destination cannot have this transmission.
            if (call is not null && attempt > 0 && TransportErrors.NeverSent(exception)) _source.OnTransmissionRejected(call.Number, attempt);
            if (_state is SessionState.Faulted or SessionState.Closed) return;
            _lastTransportError = exception;
            if (call is not null && !call.IsDone)
            {
                var now = _time.GetUtcNow();
                if (attempt > 0) retryAt = _source.OnTransmissionFailed(call.Number, now, error, attempt);
                else if (call.ReplyDueAt is { } due)
                {
                    call.ReplyFailures++;
                    var next = now + _source.RetryDelayAfterFailures(call.ReplyFailures, call.ReplyResends);
                    retryAt = call.ReplyDueAt = next < due ? next : due;
                }
            }
        }
        WsRmClientMetrics.TransportFailed();
        if (call is not null && retryAt is { } at) WsRmClientLog.TransmissionFailed(_logger, _source.Id, call.Number, error, at);
        else WsRmClientLog.TransportFailed(_logger, action, error);
    }

    // Under the lock: the last transport error, to explain a session that ran out of retries, or null.
    private Exception? LastTransportErrorFor(string? lastError) => lastError is null ? null : _lastTransportError;
}
