using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Durability;

/// <summary>
/// When the host starts, before it takes requests: the store is initialized, and every durable endpoint's sequences
/// that still hold accepted messages (acknowledged before a crash or a stop) are loaded and delivered.
/// </summary>
internal sealed class DurableRecovery(SequenceManager manager, IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!manager.DurableEndpoints.Any()) return;
        if (services.GetService<StoreStartup>() is { } startup) await startup.ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var endpoint in manager.DurableEndpoints) await manager.RecoverAsync(endpoint, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
