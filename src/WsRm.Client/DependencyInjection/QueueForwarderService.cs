using Microsoft.Extensions.Hosting;

namespace WsRm.Client;

/// <summary>Runs a queued client's <see cref="WsRmQueueForwarder"/> while the host runs (registered by <c>AddWsRmQueuedClient</c>).</summary>
internal sealed class QueueForwarderService(WsRmQueueForwarder forwarder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        forwarder.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => forwarder.StopAsync(cancellationToken);
}
