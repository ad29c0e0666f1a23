using Microsoft.Extensions.Hosting;

namespace WsRm.Storage;

/// <summary>
/// Initializes the registered <see cref="IWsRmStore"/> once (creating or migrating its schema) when the host starts,
/// so a store that cannot be used stops startup with its reason; whatever needs the store first awaits
/// <see cref="ReadyAsync"/>.
/// </summary>
public sealed class StoreStartup(IWsRmStore store) : IHostedService
{
    private readonly Lazy<Task> _ready = new(() => store.InitializeAsync());

    /// <summary>Completes when the store is initialized; throws what initialization threw.</summary>
    public Task ReadyAsync(CancellationToken cancellationToken = default) => _ready.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => ReadyAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
