using WsRm.Protocol.Sources;
using WsRm.Storage;

namespace WsRm.Client;

// Sessions: resuming the stored sequence or creating one, and ending a session without closing its sequence.
public sealed partial class WsRmQueueForwarder
{
    // Starts a session when there is something to send: resumes the stored sequence (nothing is sent until a message
    // is), or creates one (CreateSequence runs in the background; its answer is taken at a later turn).
    private async Task ConnectAsync(CancellationToken stop)
    {
        if (_readPage || (_candidates.Count == 0 && _moreInStore)) await ReadPageAsync().ConfigureAwait(false);
        if (_candidates.Count == 0 && _numbered.Count == 0) return;
        if (_sequence is null)
        {
            _opening = WsRmSession.OpenAsync(_http(), _sessionOptions, _time, _sessionLogger, router: null, stop);
            return;
        }
        Attach(WsRmSession.Resume(_http(), _sessionOptions, _time, _sessionLogger, _sequence.Id, _sequence.LastNumber));
    }

    private async Task OnOpenedAsync(CancellationToken stop)
    {
        var opening = _opening!;
        _opening = null;
        WsRmSession session;
        try
        {
            session = await opening.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await OnFailureAsync(DeliveryFailure.Classify(e, opening: true), e).ConfigureAwait(false);
            return;
        }
        var created = new StoredSourceSequence
        {
            Queue = QueueName, Id = session.SequenceId, Address = _options.Address!.AbsoluteUri,
            RmNamespace = _sessionOptions.RmVersion.Namespace, LastNumber = 0, Created = Now,
        };
        CommitResult result;
        try
        {
            result = await _store.CommitAsync(StoreBatch.Of(new SaveSourceSequence(created)), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            session.Suspend();
            throw;
        }
        if (result == CommitResult.Conflict)
        {
            session.Suspend();
            await OnConflictAsync(stop).ConfigureAwait(false);
            return;
        }
        _sequence = created with { Version = 1 };
        WsRmQueueLog.SequenceCreated(_logger, QueueName, session.SequenceId);
        Attach(session);
    }

    private void Attach(WsRmSession session)
    {
        session.FinishRequestsOnEnd = true;
        _session = session;
        _inSession.Clear();
        var sequenceId = session.SequenceId;
        session.Acknowledged = numbers =>
        {
            _acknowledged.Enqueue((sequenceId, numbers));
            _wake.Signal();
        };
    }

    // The session ends here (a stop, a store failure, a decision to give up the sequence) without closing its
    // sequence; what it knew of each message's arrival is kept for the next one.
    private void DropSession()
    {
        if (_ending is { } ending)
        {
            _ending = null;
            ending.Suspend();
            NoteArrivals(ending.TakeUnacknowledged());
        }
        if (_session is not { } session) return;
        _session = null;
        _inSession.Clear();
        session.Suspend();
        NoteArrivals(session.TakeUnacknowledged());
    }

    private void NoteArrivals(IReadOnlyList<SourceMessage> unacknowledged)
    {
        foreach (var message in unacknowledged)
            if (_numbered.TryGetValue(message.Number, out var numbered)) numbered.MayHaveArrived |= message.MayHaveArrived;
    }

    // Someone else changed the queue's sequence: read it again and retry later.
    private async Task OnConflictAsync(CancellationToken stop)
    {
        WsRmQueueLog.Conflict(_logger, QueueName);
        var delay = _retry.OnFailure(DeliveryFailureKind.Transient, Now, "conflict");
        _retryAt = Now + delay;
        await LoadSequenceAsync(stop).ConfigureAwait(false);
    }
}
