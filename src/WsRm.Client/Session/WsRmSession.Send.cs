using WsRm.Protocol.Soap;

namespace WsRm.Client;

public sealed partial class WsRmSession
{
    // Sends one envelope on its own HTTP request, bounded by the attempt timeout. attempt is the transmission's
    // ordinal for an unacknowledged application message (SourceSequence.TransmissionsOf after OnSent), 0 otherwise.
    private void StartSend(byte[] envelope, string action, PendingCall? call, int attempt = 0)
    {
        TimeSpan timeout;
        lock (_sync) timeout = _options.AttemptTimeout(_source.Rtt.CurrentTimeout);
        _ = SendAndProcessAsync(envelope, action, call, attempt, timeout);
    }

    private async Task SendAndProcessAsync(byte[] envelope, string action, PendingCall? call, int attempt, TimeSpan timeout)
    {
        try
        {
            SoapMessage? response;
            using (var perAttempt = new CancellationTokenSource(timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, perAttempt.Token))
            {
                try
                {
                    response = await _transport.SendAsync(envelope, action, linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (TransportErrors.IsTransient(e))
                {
                    if (_stop.IsCancellationRequested) return;
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
            if (response is not null) OnResponse(response);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            FaultSession(new WsRmSessionFaultedException($"Processing the answer to '{action}' failed: {e.Message}", e));
        }
        finally
        {
            if (call is not null)
                lock (_sync) call.InFlight--;
            _scheduler.WakeIfEarlier();
        }
    }

    // A transmission got no answer at all: bring its retry forward (SourceSequence.OnTransmissionFailed), or, for a
    // resend that recovers a lost reply, the reply's due time. The timer loop is woken by the caller's finally.
    private void OnSendFailed(PendingCall? call, int attempt, string action, Exception exception, string error)
    {
        DateTimeOffset? retryAt = null;
        lock (_sync)
        {
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
