using System.Diagnostics;
using WsRm.Protocol.Faults;
using WsRm.Protocol.Sequences;
using WsRm.Server.Diagnostics;
using WsRm.Server.Dispatch;
using WsRm.Server.Durability;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// Delivers the messages in a session's receive buffer to the service: one loop per session at a time, in message
/// number order when the endpoint is ordered, else in arrival order. The loop runs independently of the HTTP requests
/// that brought the messages (they were acknowledged on receipt); a request that waits for its reply waits on
/// <see cref="PendingDelivery.Done"/>.
/// </summary>
internal sealed class SequenceDelivery(ServiceEndpoint endpoint, SequenceManager manager)
{
    /// <summary>
    /// Starts the session's delivery loop on the thread pool unless it runs already or nothing is deliverable. Never on
    /// the caller's thread: a service call may block, and the request that brought the message must stay free to answer
    /// (at once for one-way messages, within ReplyWaitTimeout for requests).
    /// </summary>
    public void Schedule(ServerSession session)
    {
        PendingDelivery? first;
        lock (session.Sync)
        {
            if (session.Delivering || session.Ended || Stopping || NextLocked(session) is not { } next) return;
            session.Delivering = true;
            if (endpoint.Durable) manager.DeliveryLoops.Enter();
            // Taken now, not when the loop gets a thread: the acknowledgement the caller sends next already counts it
            // out of the buffer (BufferRemaining), as WCF's destination hands a deliverable message straight over.
            TakeLocked(session, next);
            first = next;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Self.RunAsync(state.Session, state.First),
            (Self: this, Session: session, First: first), preferLocal: false);
    }

    // The message to deliver next: the next number when ordered, else the oldest arrival still buffered; when the
    // session drains after its end, the lowest number left, past any gap.
    private static PendingDelivery? NextLocked(ServerSession session)
    {
        var destination = session.Record.Destination;
        if (session.Draining)
        {
            PendingDelivery? lowest = null;
            foreach (var p in session.Pending.Values)
                if (!p.Taken && p.Stored && (lowest is null || p.Number < lowest.Number)) lowest = p;
            return lowest;
        }
        if (destination.Ordered)
            return session.Pending.GetValueOrDefault(destination.NextToDeliver) is { Stored: true } next ? next : null;
        while (session.Arrivals.TryPeek(out var number))
        {
            if (session.Pending.TryGetValue(number, out var pending)) return pending.Stored ? pending : null;
            session.Arrivals.Dequeue();
        }
        return null;
    }

    // The message leaves the receive buffer as its delivery starts, so that BufferRemaining counts only the messages
    // still waiting (WCF's count: a message being processed is not in the buffer). It stays in Pending until it is
    // done, for a retransmission of it to wait on.
    private static void TakeLocked(ServerSession session, PendingDelivery next)
    {
        next.Taken = true;
        if (session.Draining) return;
        var destination = session.Record.Destination;
        if (!destination.Ordered) session.Arrivals.Dequeue();
        destination.Delivered(next.Number);
        // A place freed: every answer waiting for room looks again (AcknowledgementWithRoomAsync); those that find none
        // wait again. Not only the oldest: an answer to a request waits too, with no message of its own in the buffer.
        while (session.RoomWaiters.TryDequeue(out var room)) room.TrySetResult();
    }

    // Delivers next (already taken), then whatever became deliverable meanwhile, until nothing is; one loop per session.
    private async Task RunAsync(ServerSession session, PendingDelivery next)
    {
        var marks = new DoneMarks(manager, session);
        try
        {
            while (true)
            {
                try
                {
                    if (await DeliverAsync(session, next).ConfigureAwait(false) is { } delivered) marks.Add(delivered);
                    await marks.StepAsync().ConfigureAwait(false);
                }
                catch (StoreUnavailableException)
                {
                    await StopAfterStoreFailureAsync(session, marks).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Not the service's failure (InvokeAsync turns those into faults): the session cannot go on safely.
                    WsRmServerLog.OperationFailed(manager.Logger, "message delivery", e);
                    var fault = Ended(session, "the server failed delivering a message");
                    next.Fail(new SequenceEndedException(fault));
                    await manager.EndAsync(session, fault, SequenceEndReason.DeliveryFailure).ConfigureAwait(false);
                }

                var (following, ended, drained) = await NextAsync(session, marks).ConfigureAwait(false);
                if (following is null)
                {
                    if (ended) await session.ReleaseAfterEndAsync().ConfigureAwait(false);
                    else if (drained) await manager.EndDrainedAsync(session).ConfigureAwait(false);
                    return;
                }
                next = following;
            }
        }
        finally
        {
            if (endpoint.Durable) manager.DeliveryLoops.Exit();
        }
    }

    // The message to deliver next, taken; or null when the loop ends (every done mark in first: until then the session
    // stays in memory, Delivering). A store failure while waiting for the marks ends the loop.
    private async Task<(PendingDelivery? Next, bool Ended, bool Drained)> NextAsync(ServerSession session, DoneMarks marks)
    {
        while (true)
        {
            lock (session.Sync)
            {
                var ended = session.Ended;
                var following = ended || Stopping ? null : NextLocked(session);
                if (following is not null)
                {
                    TakeLocked(session, following);
                    return (following, false, false);
                }
                if (marks.IsEmpty)
                {
                    session.Delivering = false;
                    return (null, ended, session.Draining && session.Pending.Count == 0);
                }
            }
            try
            {
                await marks.FlushAsync().ConfigureAwait(false);
            }
            catch (StoreUnavailableException)
            {
                await StopAfterStoreFailureAsync(session, marks).ConfigureAwait(false);
                return (null, false, false);
            }
        }
    }

    // The store failed: the session left memory (its waiting requests get 503) and is read again later; the loop ends.
    private static async Task StopAfterStoreFailureAsync(ServerSession session, DoneMarks marks)
    {
        await marks.AbandonAsync().ConfigureAwait(false);
        await session.ReleaseAfterEndAsync().ConfigureAwait(false);
        lock (session.Sync) session.Delivering = false;
    }

    // A stopping host delivers no more from a durable session: what is left stays in the store for the next start, and
    // the loop ends soon, so that the host can wait for it (DurableRecovery) before the store closes.
    private bool Stopping => endpoint.Durable && manager.Stopping.IsCancellationRequested;

    // Runs one message. Returns it when its done mark is still to be committed (see DoneMarks), else null.
    private async Task<PendingDelivery?> DeliverAsync(ServerSession session, PendingDelivery pending)
    {
        var message = pending.Message;
        var transaction = endpoint.Durable ? new WsRmTransaction(manager.Durable!.Store) : null;
        try
        {
            OperationResult? result = null;
            if (!pending.IsLastMessage) result = await InvokeAsync(session, pending, transaction).ConfigureAwait(false);
            // The service failed because the store did (its transaction's connection lost, the database down): not the
            // service's failure but the store's. Nothing of the message is done: the session leaves memory (its waiting
            // requests get 503) and the message is delivered again once the store answers.
            if (result is not null && transaction?.StoreFailure(result) is { } storeFailure)
            {
                await manager.InvalidateAsync(session, storeFailure).ConfigureAwait(false);
                throw storeFailure;
            }
            var serviceFailed = result is { ServiceFailed: true, IsOneWay: false };

            CachedReply? reply;
            lock (session.Sync)
            {
                if (session.Ended) return null;
                reply = NumberReply(session, pending, result);
                if (serviceFailed) pending.AcknowledgementAtEnd = session.Acknowledgement(manager.Options.FlowControlEnabled);
            }
            if (transaction is not null)
            {
                // The service's own writes commit with its message only when the call completed normally; a failure (a
                // fault too, as in a WCF transaction scope) rolls them back, a one-way operation's too: its message is
                // done all the same, since a one-way failure is logged, not sent.
                var serviceTransaction = result is { Failed: true } ? null : transaction.Begun;
                // Nothing waits for a one-way message with no kept reply and no writes of the service's own: the loop
                // goes on, and its mark commits with those of the next messages (DoneMarks).
                if (reply is null && serviceTransaction is null && !pending.ExpectsReply && !pending.IsLastMessage)
                    return pending;
                var (stored, commit) = SubmitDone(session, pending, reply, serviceTransaction);
                await manager.CommittedAsync(session, commit).ConfigureAwait(false);
                reply = stored ?? reply;
            }
            lock (session.Sync) session.Pending.Remove(pending.Number);
            if (!pending.IsLastMessage) manager.Metrics.Delivered();

            // WCF's server faults a sessionful channel whose service threw an unexpected exception (its client faults
            // its channel on that fault and opens a new one): the sequence ends, so the sessions of a client that
            // retries on new channels do not pile up until InactivityTimeout. Ended before the fault is answered, so
            // that the source's next message already finds it gone.
            if (serviceFailed)
            {
                await manager.EndAsync(session, Ended(session, "the service failed processing a message"),
                    SequenceEndReason.ServiceFailure(message.Action ?? "")).ConfigureAwait(false);
            }
            pending.Done.TrySetResult(reply);
            return null;
        }
        finally
        {
            if (transaction?.Begun is { } begun) await begun.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Under the lock: the reply to a delivered message, numbered on the reply sequence when there is one.
    private static CachedReply? NumberReply(ServerSession session, PendingDelivery pending, OperationResult? result)
    {
        if (pending.IsLastMessage && session.Record.Reply is { } replies)
        {
            // WS-RM 1.0 over request-reply: the answer to the request sequence's LastMessage ends the reply sequence
            // too (WCF's client waits for it before TerminateSequence).
            return replies.Add(pending.Number, pending.Message.Action, null, null, lastMessage: true);
        }
        if (result is null || result.IsOneWay) return null;
        var fault = result.FaultValue;
        return session.Record.Reply?.Add(pending.Number, fault is null ? result.ReplyAction : null, result.WriteBody, fault)
            ?? new CachedReply(0, fault is null ? result.ReplyAction : null, result.WriteBody, fault);
    }

    // Durable: the message is done, and its reply kept, in the store before the reply leaves; in the service's own
    // transaction when it used one (exactly once), else in the next group commit. The reply is rendered once here and
    // kept rendered, for the answer and for any retransmission after a restart. Returns the kept reply (null when there
    // is none) and the commit, which the caller awaits before anything that depends on it.
    private (CachedReply? Stored, Task<CommitResult> Commit) SubmitDone(ServerSession session, PendingDelivery pending, CachedReply? reply, StoreTransaction? serviceTransaction)
    {
        StoredReply? stored = null;
        if (reply is { ReplyNumber: > 0 })
        {
            stored = Render(session, pending.Number, reply);
            reply = StoredForms.Reply(stored);
        }
        var batch = new StoreBatch().Add(new RemoveMessage(session.Id, pending.Number));
        if (stored is not null) batch.Add(new AddReply(stored)).Add(new NoteReplyNumber(session.Id, stored.ReplyNumber));
        lock (session.Sync)
        {
            if (stored is not null) session.Record.Reply?.Keep(pending.Number, reply!);
            session.TakeReplyRemovals(batch);
            var commit = serviceTransaction is not null ? serviceTransaction.CommitAsync(batch) : manager.Submit(batch);
            return (stored is null ? null : reply, commit);
        }
    }

    // A reply the serializer cannot write becomes the fault it would have become on the wire.
    private StoredReply Render(ServerSession session, ulong requestNumber, CachedReply reply)
    {
        try
        {
            return StoredForms.Reply(session.Id, requestNumber, reply, session.Record.Soap);
        }
        catch (Exception e) when (reply.Fault is null && e is not OutOfMemoryException)
        {
            WsRmServerLog.OperationFailed(manager.Logger, reply.Action ?? "reply", e);
            return StoredForms.Reply(session.Id, requestNumber, reply with { Action = null, WriteBody = null, Fault = SoapFaults.InternalError() }, session.Record.Soap);
        }
    }

    private static SequenceTerminatedFault Ended(ServerSession session, string why) =>
        new(session.Id, FaultCodeKind.Receiver, $"The session ended because {why}.");

    private async Task<OperationResult> InvokeAsync(ServerSession session, PendingDelivery pending, WsRmTransaction? transaction)
    {
        var message = pending.Message;
        var action = message.Action ?? "";
        if (!endpoint.Dispatcher.TryGetOperation(action, out var operation))
            return OperationResult.Fault(AddressingFaults.ActionNotSupported(message.Addressing.Version, action));

        using var activity = WsRmServerMetrics.ActivitySource.StartActivity("wsrm.deliver", ActivityKind.Server);
        activity?.SetTag("wsrm.sequence_id", session.Id);
        activity?.SetTag("wsrm.message_number", pending.Number);
        activity?.SetTag("soap.action", action);

        ServiceInstanceLease? lease = null;
        try
        {
            // Inside the try: a service whose constructor throws fails this call, like any other service error.
            lease = session.AcquireInstance();
            using var body = message.CreateBodyReader();
            WsRmTransactionAccessor.Set(transaction);
            // No request's token: a message is delivered whether or not the request that brought it is still there.
            var result = await operation.InvokeAsync(lease.Instance, body, endpoint.IncludeExceptionDetail, CancellationToken.None).ConfigureAwait(false);
            return OperationFailures.Review(operation, result, manager.Logger);
        }
        catch (Exception e)
        {
            WsRmServerLog.OperationFailed(manager.Logger, action, e);
            return OperationResult.ServiceFailure(SoapFaults.InternalError(), e);
        }
        finally
        {
            if (lease is not null) await session.ReleaseCallInstance(lease).ConfigureAwait(false);
        }
    }
}
