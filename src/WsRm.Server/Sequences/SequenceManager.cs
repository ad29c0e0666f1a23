using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Server.Diagnostics;
using WsRm.Server.Hosting;
using WsRm.Server.Durability;
using WsRm.Server.Storage;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// Creates, finds and ends sequences for every endpoint of the server: enforces the sequence limits and drops
/// sequences that saw no activity for <see cref="WsRmServerOptions.InactivityTimeout"/> (one timer for all).
/// </summary>
internal sealed partial class SequenceManager : IDisposable
{
    private readonly ISequenceStore _store;
    private readonly ConcurrentDictionary<string, ServerSession> _sessions = new(StringComparer.Ordinal);
    private readonly WsRmServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WsRmServerMetrics _metrics;
    private readonly ITimer _sweeper;
    private readonly Lock _createLock = new();
    private readonly CancellationTokenRegistration _onStopping;
    private int _sweeping;

    public SequenceManager(ISequenceStore store, IOptions<WsRmServerOptions> options, TimeProvider time,
        ILogger<SequenceManager> logger, WsRmServerMetrics metrics, IHostApplicationLifetime? lifetime = null, IWsRmStore? durableStore = null)
    {
        Durable = durableStore is null ? null : new DurableSessions(durableStore, options.Value);
        Stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        ReplyDeadlines = new ReplyDeadlines(time, options.Value.ReplyWaitTimeout, Stopping);
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        var period = TimeSpan.FromTicks(Math.Clamp(_options.InactivityTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        _sweeper = time.CreateTimer(_ => _ = SweepAsync(), null, period, period);
        _onStopping = Stopping.Register(LogEndedByStop);
    }

    public WsRmServerOptions Options => _options;
    public TimeProvider Time => _time;
    public ILogger Logger => _logger;
    public WsRmServerMetrics Metrics => _metrics;

    /// <summary>Signalled when the host begins to stop: requests held for a reply are answered at once then.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>When requests held for their reply (or for buffer room) are answered at the latest.</summary>
    public ReplyDeadlines ReplyDeadlines { get; }

    /// <summary>The durable sessions' delivery loops that are running: a stopping host waits for them (DurableRecovery).</summary>
    public DeliveryLoops DeliveryLoops { get; } = new();
    public int Count => _store.Count;

    /// <summary>
    /// Adds a new sequence, or returns the fault that refuses it. A durable endpoint's limits count the sequences its
    /// store holds (<paramref name="stored"/>), not only those in memory.
    /// </summary>
    public CreateSequenceRefusedFault? TryCreate(SequenceRecord record, ServiceEndpoint endpoint, out ServerSession? session,
        (int Total, int ForClient)? stored = null)
    {
        session = null;
        lock (_createLock)
        {
            if ((stored?.Total ?? _store.Count) >= _options.MaxPendingChannels)
                return Refuse(record.ClientKey, new CreateSequenceRefusedFault($"The server already has {_options.MaxPendingChannels} open sequences (MaxPendingChannels).", connectionLimitReached: true));
            if ((stored?.ForClient ?? _store.CountForClient(record.ClientKey)) >= _options.MaxSequencesPerClient)
                return Refuse(record.ClientKey, new CreateSequenceRefusedFault($"This client already has {_options.MaxSequencesPerClient} open sequences (MaxSequencesPerClient).", connectionLimitReached: true));
            if (!_store.TryAdd(record))
                return Refuse(record.ClientKey, new CreateSequenceRefusedFault("The offered sequence identifier is already in use."));
            session = new ServerSession(record, endpoint);
            _sessions[record.Id] = session;
        }
        _metrics.SequenceCreated();
        WsRmServerLog.SequenceCreated(_logger, record.Id, endpoint.Pattern, record.Rm.Name, record.Soap.Name, record.Reply?.Id, record.ClientKey);
        return null;
    }

    private CreateSequenceRefusedFault Refuse(string client, CreateSequenceRefusedFault fault)
    {
        WsRmServerLog.CreateSequenceRefused(_logger, client, fault.Problem);
        _metrics.Fault(fault.Subcode);
        return fault;
    }

    /// <summary>
    /// The live session with this id, created on this endpoint in this RM version, that <paramref name="caller"/> may
    /// use; null otherwise. Every message about a sequence looks it up here, so a sequence of another endpoint, of the
    /// other RM version or of another identity is answered exactly as an unknown one.
    /// </summary>
    public ServerSession? Find(string id, ServiceEndpoint endpoint, RmVersion rm, SequenceCaller caller) =>
        _sessions.TryGetValue(id, out var s) && Usable(s, endpoint, rm, caller) ? s : null;

    private static bool Usable(ServerSession s, ServiceEndpoint endpoint, RmVersion rm, SequenceCaller caller) =>
        s.Endpoint == endpoint && !s.Ended && s.Record.Rm == rm && caller.MayUse(s.Record);

    /// <summary>The live session whose reply sequence has this id, under the same rules as <see cref="Find"/>.</summary>
    public ServerSession? FindByReplyId(string replyId, ServiceEndpoint endpoint, RmVersion rm, SequenceCaller caller) =>
        _store.FindByReplyId(replyId) is { } record ? Find(record.Id, endpoint, rm, caller) : null;

    /// <summary>
    /// Removes a session that faulted: what is still in its buffer is dropped, waiting requests get <paramref name="reason"/>.
    /// The end is logged with <paramref name="why"/>, by default the fault itself.
    /// </summary>
    public async ValueTask EndAsync(ServerSession session, WsRmFault reason, SequenceEndReason? why = null)
    {
        if (!Forget(session)) return;
        LogEnded(session, why ?? SequenceEndReason.Fault(reason));
        await session.EndAsync(new SequenceEndedException(reason)).ConfigureAwait(false);
        await DeleteStoredAsync(session).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes a session its source terminated, or that expired: it is unknown from now on, but the messages it
    /// acknowledged and has not delivered yet are still delivered (<see cref="ServerSession.BeginDrain"/>).
    /// </summary>
    public async ValueTask EndAfterDeliveryAsync(ServerSession session, SequenceEndReason why)
    {
        // Registered as draining before it leaves _sessions, so that no load from the store comes between.
        var durable = session.Endpoint.Durable && _draining.TryAdd(session.Id, session);
        if (!Forget(session))
        {
            if (durable) _draining.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session));
            return;
        }
        LogEnded(session, why);
        if (session.BeginDrain()) await EndDrainedAsync(session).ConfigureAwait(false);
        else new SequenceDelivery(session.Endpoint, this).Schedule(session);
    }

    /// <summary>Ends a session whose buffer is drained after its end (terminated or expired); a durable one leaves the store.</summary>
    public async ValueTask EndDrainedAsync(ServerSession session)
    {
        await session.EndAsync(new SequenceEndedException(new UnknownSequenceFault(session.Id))).ConfigureAwait(false);
        await DeleteStoredAsync(session).ConfigureAwait(false);
        _draining.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session));
    }

    private bool Forget(ServerSession session)
    {
        if (!_sessions.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session))) return false;
        _store.Remove(session.Id);
        _metrics.SequenceEnded();
        return true;
    }

    // One sweep at a time: a timer tick while the last sweep still runs (a slow store) is skipped, not run beside it.
    private async Task SweepAsync()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            var now = _time.GetUtcNow();
            await SweepStoreAsync(now).ConfigureAwait(false);
            foreach (var session in _sessions.Values)
            {
                if (Evict(session, now)) continue;
                bool inactive;
                lock (session.Sync) inactive = session.Record.Destination.IsInactive(now, _options.InactivityTimeout);
                if (!inactive) continue;
                try
                {
                    // Its source went silent; what it sent and was acknowledged is still delivered.
                    await ExpireAsync(session).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    WsRmServerLog.OperationFailed(_logger, "sequence expiry", e);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _sweeper.Dispose();
        lock (_resumeLock)
        {
            _resumeDisposed = true;
            _resumer?.Dispose();
        }
    }
}
