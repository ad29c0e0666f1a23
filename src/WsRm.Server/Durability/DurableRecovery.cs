using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WsRm.Server.Diagnostics;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Durability;

/// <summary>
/// When the host starts, before it takes requests: the store is initialized, and every durable endpoint's sequences
/// that still hold accepted messages (acknowledged before a crash or a stop) are loaded and delivered. When it stops:
/// the durable delivery loops finish the message they run and commit its done mark before the store closes, so that
/// the next start does not run it again (a message not yet begun stays in the store for that start).
/// </summary>
internal sealed class DurableRecovery(SequenceManager manager, IServiceProvider services, ILogger<DurableRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!manager.DurableEndpoints.Any()) return;
        if (services.GetService<StoreStartup>() is { } startup) await startup.ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var endpoint in manager.DurableEndpoints) await manager.RecoverAsync(endpoint, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await manager.DeliveryLoops.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout: a service call still running may run again after the next start.
            WsRmServerLog.StoppedWithDeliveries(logger, manager.DeliveryLoops.Running);
        }
    }
}
