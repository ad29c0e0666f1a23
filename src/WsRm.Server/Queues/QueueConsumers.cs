using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Queues;

/// <summary>
/// The consumers of every queued endpoint: created when the endpoint is mapped, started with the host (once the store
/// is ready), stopped with it — running calls get the host's shutdown timeout to finish.
/// </summary>
internal sealed class QueueConsumers(IServiceProvider services, TimeProvider time, ILoggerFactory loggers) : IHostedService
{
    private readonly Dictionary<string, QueueConsumer> _consumers = new(StringComparer.Ordinal);
    private QueueMetrics? _metrics;

    /// <summary>The consumer of a queued endpoint, created at its mapping.</summary>
    public QueueConsumer Add(ServiceEndpoint endpoint)
    {
        var store = services.GetService<IWsRmStore>()
            ?? throw new InvalidOperationException($"The queued endpoint at {endpoint.Pattern} needs a store: call builder.Services.AddWsRmSqliteStore() or AddWsRmPostgreSqlStore().");
        _metrics ??= services.GetRequiredService<QueueMetrics>();
        var consumer = new QueueConsumer(endpoint, store, _metrics, time, loggers.CreateLogger("WsRm.Server.Queues.QueueConsumer"));
        lock (_consumers) _consumers.Add(endpoint.Pattern, consumer);
        return consumer;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        QueueConsumer[] consumers;
        lock (_consumers) consumers = [.. _consumers.Values];
        if (consumers.Length == 0) return;
        if (services.GetService<StoreStartup>() is { } startup) await startup.ReadyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var consumer in consumers) consumer.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        QueueConsumer[] consumers;
        lock (_consumers) consumers = [.. _consumers.Values];
        await Task.WhenAll(consumers.Select(c => c.StopAsync(cancellationToken))).ConfigureAwait(false);
    }
}
