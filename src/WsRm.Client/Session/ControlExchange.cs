using Microsoft.Extensions.Logging;
using WsRm.Protocol.Soap;

namespace WsRm.Client;

/// <summary>
/// Sends a message outside the sequence (CreateSequence, CloseSequence, TerminateSequence) until it is answered:
/// transport failures are retried with exponential backoff on the session's <see cref="TimeProvider"/>, at most
/// 1 + MaxRetryCount times. The envelope is built for each attempt (a CreateSequence retry offers a new reply
/// sequence: the service may have created one from the attempt whose answer was lost).
/// </summary>
internal static class ControlExchange
{
    public static async Task<SoapMessage?> RunAsync(SoapTransport transport, Func<byte[]> envelope, string action,
        WsRmClientOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var wait = options.InitialRetransmissionTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var attemptTimeout = TimeSpan.FromTicks(Math.Clamp(wait.Ticks * 4, TimeSpan.FromSeconds(1).Ticks, options.OperationTimeout.Ticks));
            using (var perAttempt = new CancellationTokenSource(attemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, perAttempt.Token))
            {
                try
                {
                    return await transport.SendAsync(envelope(), action, linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
                {
                    WsRmClientLog.TransportFailed(logger, action, e.Message);
                    if (attempt > options.MaxRetryCount)
                        throw new WsRmSessionFaultedException($"{action} was not answered after {attempt} attempts.", e) { Attempts = attempt };
                }
            }
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(60).Ticks));
        }
    }

    /// <summary>Failures masked and left to retransmission: the network, timeouts, and answers that are not SOAP.</summary>
    public static bool IsTransient(Exception e) =>
        e is HttpRequestException or TransportException or IOException or OperationCanceledException;
}
