using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsRm.Storage;

namespace WsRm.Client;

/// <summary>
/// The background sender of one transmission queue: reads the queue's messages from the <see cref="IWsRmStore"/> in
/// pages, numbers them on the queue's source sequence (the sequence and each message's number are committed before the
/// message is sent), sends them over a <see cref="WsRmSession"/> with its retransmissions, and removes each message
/// once the destination acknowledged it. While the destination is unreachable it tries again with a bounded backoff
/// (<see cref="WsRmQueuedClientOptions.RetryDelay"/> to <see cref="WsRmQueuedClientOptions.MaxRetryDelay"/>); after a
/// restart it resumes the stored sequence and sends the unacknowledged messages again with their numbers, so the
/// destination discards what it already has. Lost sequences, <see cref="WsRmQueuedClientOptions.TimeToLive"/> and
/// refusals move messages to the queue's dead-letter queue as the options describe.
/// <para>One forwarder per queue and store: a second one on the same queue meets version conflicts on the sequence and
/// backs off. Made by <see cref="WsRmQueuedChannelFactory{TContract}"/>, which starts it (or, under
/// <c>AddWsRmQueuedClient</c>, the host does). Thread-safe.</para>
/// </summary>
public sealed partial class WsRmQueueForwarder : IAsyncDisposable
{
    private readonly IWsRmStore _store;
    private readonly WsRmQueuedClientOptions _options;
    private readonly WsRmClientOptions _sessionOptions;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILogger? _sessionLogger;
    private readonly Func<CancellationToken, Task> _ready;
    private readonly AsyncSignal _wake = new();
    private readonly AsyncSignal _progress = new();
    private readonly ConcurrentQueue<(string SequenceId, IReadOnlyList<ulong> Numbers)> _acknowledged = new();
    private readonly Lock _lifecycle = new();
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private int _enqueued;
    private int _failures;
    private int _stepFailures;
    private DateTimeOffset? _pausedUntil;
    private long _lastTurn;

    internal WsRmQueueForwarder(string queue, WsRmQueuedClientOptions options, IWsRmStore store, Func<HttpClient> http,
        TimeProvider time, ILoggerFactory? loggers, Func<CancellationToken, Task> ready)
    {
        QueueName = queue;
        _options = options;
        _sessionOptions = options.ToSessionOptions();
        _store = store;
        _http = http;
        _time = time;
        _ready = ready;
        _logger = loggers?.CreateLogger("WsRm.Client.Queue." + queue) ?? NullLogger.Instance;
        _sessionLogger = loggers?.CreateLogger("WsRm.Client.Queue." + queue + ".Session");
        _retry = NewRetry();
    }

    /// <summary>The transmission queue this forwarder sends (<see cref="WsRmQueuedClientOptions.QueueName"/>).</summary>
    public string QueueName { get; }

    /// <summary>True while the background loop runs (between <see cref="Start"/> and <see cref="StopAsync"/>).</summary>
    public bool IsRunning
    {
        get { lock (_lifecycle) return _stop is not null; }
    }

    /// <summary>The messages waiting in the queue and the oldest one's time, as last read from the store (every PollInterval while running).</summary>
    internal QueueDepth Depth { get; private set; } = new(QueueKind.Transmission, "", 0, null);

    /// <summary>The age of the oldest waiting message as of <see cref="Depth"/>, zero when none.</summary>
    internal TimeSpan OldestAge => Depth.Oldest is { } oldest && _time.GetUtcNow() > oldest ? _time.GetUtcNow() - oldest : TimeSpan.Zero;

    /// <summary>Sessions that failed or could not open, since the forwarder was made (for tests).</summary>
    internal int Failures => Volatile.Read(ref _failures);

    /// <summary>The clock's time when the loop's last turn began (for tests driving a FakeTimeProvider).</summary>
    internal DateTimeOffset LastTurn => new(Volatile.Read(ref _lastTurn), TimeSpan.Zero);

    /// <summary>Signalled after each turn of the loop (for tests and <see cref="WaitForEmptyAsync"/>).</summary>
    internal AsyncSignal Progress => _progress;

    /// <summary>Starts the background loop; nothing when it runs already. It first waits for the store to be initialized.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_stop is not null) return;
            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
        WsRmClientMetrics.QueueStarted(this);
    }

    /// <summary>
    /// Stops the loop: the session in progress is dropped without closing its sequence, which the next start resumes
    /// (messages sent and not yet acknowledged are sent again then, with their numbers). Messages keep being accepted
    /// into the queue meanwhile. Waits for the loop to end, at most until <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        CancellationTokenSource? stop;
        Task loop;
        lock (_lifecycle)
        {
            stop = _stop;
            loop = _loop;
            _stop = null;
        }
        if (stop is null) return;
        WsRmClientMetrics.QueueStopped(this);
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (loop.IsCompleted) stop.Dispose();
        }
    }

    /// <summary>
    /// Completes when the queue holds no message waiting for delivery: every one acknowledged or moved to the dead-letter
    /// queue. Checked against the store after each turn of the running loop; without a running forwarder it waits
    /// until <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task WaitForEmptyAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = _progress.WaitAsync();
            await _ready(cancellationToken).ConfigureAwait(false);
            if ((await _store.ReadOutboxAsync(QueueName, 1, cancellationToken).ConfigureAwait(false)).Count == 0) return;
            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the loop (see <see cref="StopAsync"/>).</summary>
    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>A message was committed to the queue by this process: look at the queue now rather than at the next poll.</summary>
    internal void Notify()
    {
        Volatile.Write(ref _enqueued, 1);
        _wake.Signal();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private DeliveryRetry NewRetry() => new(_options.RetryDelay, _options.MaxRetryDelay, _options.MaxRefusals);
}
