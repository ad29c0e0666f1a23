using System.Reflection;
using Microsoft.Extensions.Logging;
using WsRm.Storage;

namespace WsRm.Client;

/// <summary>
/// A queued client for a <c>[ServiceContract]</c> whose operations are all one-way, like WCF's queued bindings: a call
/// returns once its message is committed to a durable transmission queue in an <see cref="IWsRmStore"/> (SQLite,
/// PostgreSQL); the <see cref="Forwarder"/> delivers it over a WS-RM session whenever the destination is reachable,
/// across restarts of this process and of the destination, exactly once or at least once as
/// <see cref="WsRmQueuedClientOptions.ExactlyOnce"/> says, or moves it to the queue's dead-letter queue
/// (<see cref="WsRmQueuedClientOptions.TimeToLive"/>, refusals). Dead letters are listed, requeued and purged with
/// <see cref="IWsRmStore.Admin"/>. Thread-safe.
/// </summary>
/// <typeparam name="TContract">The contract interface; an operation that is not one-way fails the constructor, naming it.</typeparam>
public sealed class WsRmQueuedChannelFactory<TContract> : IAsyncDisposable, IDisposable where TContract : class
{
    private readonly ClientContract _contract;
    private readonly OutboxWriter _outbox;
    private readonly HttpClient? _ownedClient;
    private readonly bool _ownsForwarder;

    /// <summary>
    /// A queued client for console apps, services without a host, and tests; its forwarder starts at once. The store
    /// is initialized (schema created or migrated) before the first message is written or read; it is the caller's to
    /// dispose, after this factory. Without <paramref name="httpClient"/> the factory makes and owns one client on
    /// <see cref="WsRmHttp.CreateHandler"/>.
    /// </summary>
    /// <param name="options">The settings; validated here (<see cref="ArgumentException"/> naming the setting).</param>
    /// <param name="store">Where the queue lives.</param>
    /// <param name="httpClient">The HTTP client to send with, or null.</param>
    /// <param name="timeProvider">The clock and timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where the forwarder and its sessions log; nowhere when null.</param>
    public WsRmQueuedChannelFactory(WsRmQueuedClientOptions options, IWsRmStore store, HttpClient? httpClient = null,
        TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(options, store, httpClient is null ? null : () => httpClient, timeProvider, loggerFactory, ready: null, startForwarder: true)
    {
    }

    internal WsRmQueuedChannelFactory(WsRmQueuedClientOptions options, IWsRmStore store, Func<HttpClient>? httpClients,
        TimeProvider? timeProvider, ILoggerFactory? loggerFactory, Func<CancellationToken, Task>? ready, bool startForwarder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        options.Validate();
        _contract = QueuedContract.For(typeof(TContract));
        Options = options;
        var time = timeProvider ?? TimeProvider.System;
        if (ready is null)
        {
            var initialized = new Lazy<Task>(() => store.InitializeAsync());
            ready = ct => initialized.Value.WaitAsync(ct);
        }
        if (httpClients is null)
        {
            _ownedClient = new HttpClient(WsRmHttp.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            httpClients = () => _ownedClient;
        }
        var queue = options.QueueName ?? QueuedContract.DefaultQueueName(typeof(TContract), options.Address!);
        Forwarder = new WsRmQueueForwarder(queue, options, store, httpClients, time, loggerFactory, ready);
        _outbox = new OutboxWriter(queue, options, store, time, ready, Forwarder);
        _ownsForwarder = startForwarder;
        if (startForwarder) Forwarder.Start();
    }

    /// <summary>The settings.</summary>
    public WsRmQueuedClientOptions Options { get; }

    /// <summary>The transmission queue's name in the store (<see cref="WsRmQueuedClientOptions.QueueName"/> or its default).</summary>
    public string QueueName => Forwarder.QueueName;

    /// <summary>The queue's background sender: stop and start it, or wait until the queue is empty.</summary>
    public WsRmQueueForwarder Forwarder { get; }

    /// <summary>
    /// A proxy whose one-way calls commit their message to the queue and return: synchronous methods once the commit
    /// is durable, Task-returning ones with a task that completes then. A store failure is thrown to the caller
    /// (<see cref="StoreUnavailableException"/>: not queued, or, when a database server's connection broke while the
    /// commit was under way, possibly queued); nothing else about delivery is.
    /// </summary>
    public TContract CreateChannel()
    {
        var proxy = DispatchProxy.Create<TContract, QueuedChannelProxy>();
        ((QueuedChannelProxy)(object)proxy).Initialize(_contract, _outbox);
        return proxy;
    }

    /// <summary>Stops the forwarder if this factory started it (its sequence stays open for the next start) and disposes the HTTP client it made.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownsForwarder) await Forwarder.StopAsync().ConfigureAwait(false);
        _ownedClient?.Dispose();
    }

    /// <summary>As <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
