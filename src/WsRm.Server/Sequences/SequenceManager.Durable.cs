using System.Collections.Concurrent;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Server.Diagnostics;
using WsRm.Server.Durability;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

internal sealed partial class SequenceManager
{
    private readonly ConcurrentDictionary<string, ServiceEndpoint> _durableEndpoints = new(StringComparer.Ordinal);

    // Durable sessions that ended (terminated or expired) and still deliver what they acknowledged: no longer in
    // _sessions, so unknown to their source, but still in the store until drained. Nothing may load them from the store
    // meanwhile (a late message, the expiry sweep): a second live copy would deliver the same messages again.
    private readonly ConcurrentDictionary<string, ServerSession> _draining = new(StringComparer.Ordinal);

    /// <summary>The store of durable endpoints, or null when the server has none.</summary>
    public DurableSessions? Durable { get; }

    /// <summary>Durable endpoints by route pattern, for recovery and expiry of sequences no longer in memory.</summary>
    public IEnumerable<ServiceEndpoint> DurableEndpoints => _durableEndpoints.Values;

    /// <summary>Registers a durable endpoint; throws when there is no store, naming the call that adds one.</summary>
    public void RegisterDurable(ServiceEndpoint endpoint)
    {
        if (Durable is null)
            throw new InvalidOperationException(
                $"The endpoint at {endpoint.Pattern} is durable, which needs a store: call builder.Services.AddWsRmSqliteStore() or AddWsRmPostgreSqlStore().");
        if (!_durableEndpoints.TryAdd(endpoint.Pattern, endpoint))
            throw new InvalidOperationException($"Two durable endpoints are mapped at {endpoint.Pattern}.");
    }

    /// <summary>
    /// <see cref="Find"/>, and for a durable endpoint the sequence as stored when it is not in memory (after a restart,
    /// or evicted while idle): loaded, cached, and its buffered messages scheduled for delivery.
    /// </summary>
    public async ValueTask<ServerSession?> FindAsync(string id, ServiceEndpoint endpoint, RmVersion rm, SequenceCaller caller, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(id, out var cached)) return Usable(cached, endpoint, rm, caller) ? cached : null;
        if (!endpoint.Durable || Durable is null || _draining.ContainsKey(id)) return null;
        var loaded = await Durable.LoadAsync(id, endpoint, cancellationToken).ConfigureAwait(false);
        if (loaded is null) return null;
        var session = Cache(loaded);
        return Usable(session, endpoint, rm, caller) ? session : null;
    }

    /// <summary><see cref="FindByReplyId"/>, and for a durable endpoint the stored sequence with that offered reply sequence.</summary>
    public async ValueTask<ServerSession?> FindByReplyIdAsync(string replyId, ServiceEndpoint endpoint, RmVersion rm, SequenceCaller caller, CancellationToken cancellationToken)
    {
        if (FindByReplyId(replyId, endpoint, rm, caller) is { } live) return live;
        if (!endpoint.Durable || Durable is null) return null;
        return await Durable.Store.FindSequenceByReplyIdAsync(replyId, cancellationToken).ConfigureAwait(false) is { } stored
            ? await FindAsync(stored.Id, endpoint, rm, caller, cancellationToken).ConfigureAwait(false)
            : null;
    }

    // Puts a loaded session in memory (or returns the one another request loaded first) and starts delivering its buffer.
    private ServerSession Cache(ServerSession loaded)
    {
        lock (_createLock)
        {
            if (_sessions.TryGetValue(loaded.Id, out var raced)) return raced;
            if (!_store.TryAdd(loaded.Record)) return loaded;
            _sessions[loaded.Id] = loaded;
        }
        new SequenceDelivery(loaded.Endpoint, this).Schedule(loaded);
        return loaded;
    }

    /// <summary>
    /// Drops a durable session from memory after a store failure: its state in memory may be ahead of the store, which
    /// stays the truth. Requests waiting on it get <paramref name="failure"/> (answered with 503); the next message
    /// about it loads it again, and so does the server once the store answers (<see cref="ResumeLater"/>).
    /// </summary>
    public async ValueTask InvalidateAsync(ServerSession session, StoreUnavailableException failure)
    {
        // A draining session whose done marks failed leaves too: the store, where it is terminated, is the truth again,
        // and what it has left is delivered once it is read again.
        var draining = _draining.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session));
        var live = _sessions.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session));
        if (!draining && !live) return;
        if (live) _store.Remove(session.Id);
        WsRmServerLog.StoreFailed(_logger, session.Id, failure.Message);
        await session.EndAsync(failure).ConfigureAwait(false);
        ResumeLater(session);
    }

    // An idle durable session leaves memory: nothing buffered, nothing being delivered, no message for a while. Its
    // state is all in the store, so 100,000 idle sequences need no 100,000 objects.
    private bool Evict(ServerSession session, DateTimeOffset now)
    {
        if (!session.Endpoint.Durable) return false;
        lock (session.Sync)
        {
            if (session.Pending.Count > 0 || session.Delivering || session.Ended || session.Draining) return false;
            if (now - session.Record.Destination.LastActivity < EvictAfter) return false;
        }
        if (!_sessions.TryRemove(new KeyValuePair<string, ServerSession>(session.Id, session))) return true;
        _store.Remove(session.Id);
        return true;
    }

    // The end of a session whose source went silent. A durable one is marked terminated in the store first, as a
    // TerminateSequence would: a restart (or another server on the store) then delivers what is left and deletes it,
    // instead of loading it as a live sequence. What it acknowledged is still delivered.
    private async Task ExpireAsync(ServerSession session)
    {
        Task<CommitResult>? commit = null;
        if (session.Endpoint.Durable && Durable is not null)
            lock (session.Sync)
                if (!session.Ended && !session.Draining) commit = Submit(StoreBatch.Of(DurableSessions.Save(session, SequenceStatus.Terminated)));
        if (commit is not null) await CommittedAsync(session, commit).ConfigureAwait(false);
        await EndAfterDeliveryAsync(session, SequenceEndReason.Inactive(_options.InactivityTimeout)).ConfigureAwait(false);
    }

    // Idle this long, a durable session leaves memory (a quarter of InactivityTimeout, between 1 second and 1 minute).
    private TimeSpan EvictAfter => TimeSpan.FromTicks(Math.Clamp(_options.InactivityTimeout.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    // Expiry of durable sequences that are not in memory: the store knows when each was last heard from.
    private async Task SweepStoreAsync(DateTimeOffset now)
    {
        if (Durable is null || _durableEndpoints.IsEmpty) return;
        try
        {
            var inactive = await Durable.Store.FindInactiveSequencesAsync(_options.InactivityTimeout, now, 1000).ConfigureAwait(false);
            foreach (var stored in inactive)
            {
                if (_sessions.ContainsKey(stored.Id) || _draining.ContainsKey(stored.Id) || !_durableEndpoints.TryGetValue(stored.Endpoint, out var endpoint)) continue;
                var messages = await Durable.Store.ReadMessagesAsync(stored.Id).ConfigureAwait(false);
                var why = SequenceEndReason.Inactive(_options.InactivityTimeout);
                // A target queue's consumer delivers its messages whether or not their sequence is still there.
                if (endpoint.Queue is not null || messages.All(m => m.State is not (MessageState.Ready or MessageState.InProgress or MessageState.Waiting)))
                {
                    await Durable.Store.CommitAsync(StoreBatch.Of(new DeleteSequence(stored.Id, KeepMessages: endpoint.Queue is not null))).ConfigureAwait(false);
                    LogEnded(stored, why);
                    continue;
                }
                await ExpireAsync(Cache(Durable.Restore(stored, messages, endpoint))).ConfigureAwait(false);
            }
        }
        catch (StoreUnavailableException e)
        {
            WsRmServerLog.StoreFailed(_logger, "(expiry sweep)", e.Message);
        }
    }

    /// <summary>
    /// At startup: every stored sequence of <paramref name="endpoint"/> that still has messages to deliver (accepted and
    /// acknowledged before a restart) is loaded and delivered; one that had ended is delivered and then deleted.
    /// </summary>
    public async Task RecoverAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.Queue is not null) return; // its consumer takes what is in the queue
        var store = Durable!.Store;
        foreach (var id in await store.FindSequencesWithMessagesAsync(endpoint.Pattern, cancellationToken).ConfigureAwait(false))
            await ResumeStoredAsync(id, endpoint, SequenceEndReason.TerminatedBeforeRestart, cancellationToken).ConfigureAwait(false);
    }

    // Loads a stored sequence that is not in memory and delivers what it acknowledged; one found terminated is then
    // ended (why: for the log) and deleted. Nothing when it is in memory, draining, or no longer stored.
    private async Task ResumeStoredAsync(string id, ServiceEndpoint endpoint, SequenceEndReason whyEnded, CancellationToken cancellationToken)
    {
        var store = Durable!.Store;
        if (_sessions.ContainsKey(id) || _draining.ContainsKey(id) || await store.FindSequenceAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored) return;
        var session = Cache(Durable.Restore(stored, await store.ReadMessagesAsync(id, cancellationToken).ConfigureAwait(false), endpoint));
        WsRmServerLog.SequenceRecovered(_logger, id, endpoint.Pattern, session.Pending.Count);
        if (stored.Status == SequenceStatus.Terminated) await EndAfterDeliveryAsync(session, whyEnded).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits changes of a durable session. Call it under the session's lock, right after the changes were made in
    /// memory: batches of one session reach the store in the order they were made. Await the result with
    /// <see cref="CommittedAsync"/>.
    /// </summary>
    public Task<CommitResult> Submit(StoreBatch batch) => Durable!.Store.CommitAsync(batch);

    /// <summary>
    /// Waits for a <see cref="Submit"/>ted batch. When it failed, or conflicted (the sequence was changed elsewhere), the
    /// session leaves memory (the store stays the truth) and <see cref="StoreUnavailableException"/> is thrown: the
    /// message is answered with 503 and its source retransmits it.
    /// </summary>
    public async Task CommittedAsync(ServerSession session, Task<CommitResult> commit)
    {
        StoreUnavailableException failure;
        try
        {
            if (await commit.ConfigureAwait(false) == CommitResult.Committed) return;
            failure = new StoreUnavailableException($"Sequence {session.Id} was changed in the store by another writer.");
        }
        catch (StoreUnavailableException e)
        {
            failure = e;
        }
        await InvalidateAsync(session, failure).ConfigureAwait(false);
        throw failure;
    }

    /// <summary>
    /// Deletes an ended durable sequence from the store (nothing left to deliver; a queued endpoint's messages stay in
    /// its queue); a failure is logged, the expiry sweep retries.
    /// </summary>
    public async ValueTask DeleteStoredAsync(ServerSession session)
    {
        if (!session.Endpoint.Durable || Durable is null) return;
        try
        {
            // A target queue's messages were handed over on acknowledgement: they stay for its consumer (or operator).
            await Durable.Store.CommitAsync(StoreBatch.Of(new DeleteSequence(session.Id, KeepMessages: session.Endpoint.Queue is not null))).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            WsRmServerLog.StoreFailed(_logger, session.Id, e.Message);
        }
    }
}
