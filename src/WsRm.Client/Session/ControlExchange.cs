using Microsoft.Extensions.Logging;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// Sends a message outside the sequence (CreateSequence, CloseSequence, TerminateSequence) until it is answered, at
/// most 1 + MaxRetryCount times. Each attempt is bounded (<see cref="WsRmClientOptions.AttemptTimeout"/> of a timer
/// that doubles per attempt, from the initial retransmission timeout); after a transient failure the next attempt
/// follows after <see cref="WsRmClientOptions.TransportRetryDelay"/>, doubled per failure and capped by that timer, on
/// the session's <see cref="TimeProvider"/>. A permanent failure (HTTP 407, 404, a redirect) throws at once. The
/// envelope is built for each attempt (a CreateSequence retry offers a new reply sequence: the service may have
/// created one from the attempt whose answer was lost).
/// </summary>
internal static class ControlExchange
{
    public static async Task<SoapMessage?> RunAsync(SoapTransport transport, Func<byte[]> envelope, string action,
        WsRmClientOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var settings = options.ToSettings();
        var timer = options.InitialRetransmissionTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var attemptTimeout = options.AttemptTimeout(timer);
            using (var perAttempt = new CancellationTokenSource(attemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, perAttempt.Token))
            {
                try
                {
                    return await transport.SendAsync(envelope(), action, linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransportErrors.IsTransient(e))
                {
                    var error = perAttempt.IsCancellationRequested && e is OperationCanceledException
                        ? $"no response within {attemptTimeout}"
                        : TransportErrors.Describe(e);
                    WsRmClientLog.TransportFailed(logger, action, error);
                    if (attempt > options.MaxRetryCount)
                        throw new WsRmSessionFaultedException($"{action} was not answered after {attempt} attempts. The last error: {error}", e) { Attempts = attempt };
                }
                catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new WsRmSessionFaultedException($"{action} failed: {e.Message}", e) { Attempts = attempt };
                }
            }
            await Task.Delay(settings.RetryDelayAfterFailures(attempt, timer), time, cancellationToken).ConfigureAwait(false);
            timer = TimeSpan.FromTicks(Math.Min(timer.Ticks * 2, options.MaxRetransmissionTimeout.Ticks));
        }
    }
}
