using System.Collections.Concurrent;
using WsRm.Server.Diagnostics;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

internal sealed partial class SequenceManager
{
    private static readonly TimeSpan FirstResumeDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastResumeDelay = TimeSpan.FromSeconds(30);

    // Durable sessions that left memory on a store failure, to be read again by the server. Their source may have
    // nothing more to send (every message acknowledged), so waiting for its next message could leave what they
    // acknowledged undelivered until they expire.
    private readonly ConcurrentDictionary<string, ServiceEndpoint> _toResume = new(StringComparer.Ordinal);
    private readonly Lock _resumeLock = new();
    private ITimer? _resumer;
    private bool _resumeArmed;
    private bool _resumeDisposed;
    private TimeSpan _resumeDelay = FirstResumeDelay;

    /// <summary>Sessions waiting to be read again after a store failure (for tests and diagnostics).</summary>
    internal int WaitingToResume => _toResume.Count;

    // After a store failure: the session is read again from the store in 1 s, then every 2, 4 … 30 s while the store
    // does not answer. A queued endpoint's messages are its consumer's, which retries on its own.
    private void ResumeLater(ServerSession session)
    {
        if (!session.Endpoint.Durable || session.Endpoint.Queue is not null || Durable is null || Stopping.IsCancellationRequested) return;
        _toResume[session.Id] = session.Endpoint;
        ArmResume();
    }

    private void ArmResume()
    {
        lock (_resumeLock)
        {
            if (_resumeArmed || _resumeDisposed) return;
            _resumeArmed = true;
            _resumer ??= _time.CreateTimer(_ => _ = ResumeAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _resumer.Change(_resumeDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ResumeAsync()
    {
        var storeFailed = false;
        foreach (var (id, endpoint) in _toResume)
        {
            if (Stopping.IsCancellationRequested) return;
            try
            {
                await ResumeStoredAsync(id, endpoint, SequenceEndReason.EndedBeforeStoreFailure, Stopping).ConfigureAwait(false);
                _toResume.TryRemove(id, out _);
            }
            catch (StoreUnavailableException e)
            {
                WsRmServerLog.StoreFailed(_logger, id, e.Message);
                storeFailed = true;
                break;
            }
            catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Not the store's failure (a stored form that cannot be read): reading it again would fail again.
                WsRmServerLog.OperationFailed(_logger, "reading a sequence again after a store failure", e);
                _toResume.TryRemove(id, out _);
            }
        }
        lock (_resumeLock)
        {
            _resumeArmed = false;
            _resumeDelay = storeFailed ? TimeSpan.FromTicks(Math.Min(_resumeDelay.Ticks * 2, LastResumeDelay.Ticks)) : FirstResumeDelay;
        }
        if (!_toResume.IsEmpty) ArmResume();
    }
}
