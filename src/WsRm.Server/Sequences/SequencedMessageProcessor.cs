using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Durability;
using WsRm.Server.Hosting;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// A message with a Sequence header: accepted, duplicate, dropped or faulted by the destination state machine. An
/// accepted message goes into the sequence's receive buffer and is acknowledged at once when it is one-way; a
/// request waits (bounded by <see cref="WsRmServerOptions.ReplyWaitTimeout"/>) for its turn and its reply, which goes
/// on its own HTTP response with the acknowledgement piggybacked. Delivery itself is <see cref="SequenceDelivery"/>'s.
/// A retransmission gets the kept reply without running the operation again.
/// </summary>
internal sealed class SequencedMessageProcessor(ServiceEndpoint endpoint, SequenceManager manager, SequenceDelivery delivery)
{
    private WsRmServerOptions Options => manager.Options;

    public async Task HandleAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        var header = message.Sequence!;
        if (await manager.FindAsync(header.Identifier, endpoint, rm, SequenceCaller.From(http), http.RequestAborted).ConfigureAwait(false) is not { } session)
        {
            await RmReplies.FaultAsync(http, message, rm, new UnknownSequenceFault(header.Identifier), manager).ConfigureAwait(false);
            return;
        }
        if (await AcknowledgementProcessor.ApplyAsync(http, message, rm, session, manager).ConfigureAwait(false)) return;

        var isLastMessage = !rm.Is11 && message.Action == rm.LastMessageAction;
        ReceiveDecision decision;
        PendingDelivery? pending = null;
        Task<CommitResult>? commit = null;
        lock (session.Sync)
        {
            var now = manager.Time.GetUtcNow();
            decision = session.Record.Destination.Receive(header.MessageNumber, header.LastMessage || isLastMessage, now);
            if (decision.Outcome == ReceiveOutcome.Accepted)
            {
                pending = new PendingDelivery(header.MessageNumber, message, isLastMessage,
                    PendingDelivery.ExpectsReplyFor(endpoint, message, isLastMessage, session.Record.Reply is not null));
                session.Pending[header.MessageNumber] = pending;
                if (!session.Record.Destination.Ordered) session.Arrivals.Enqueue(header.MessageNumber);
                // Durable: the message and the sequence's new state are committed before the acknowledgement leaves.
                if (endpoint.Durable)
                {
                    pending.Stored = false;
                    session.Uncommitted.Add(header.MessageNumber);
                    commit = manager.Submit(session.TakeReplyRemovals(StoreBatch.Of(DurableSessions.Save(session),
                        new AddMessage(StoredForms.Message(session, pending, now)))));
                }
            }
            else if (decision.Outcome == ReceiveOutcome.Duplicate)
            {
                pending = session.Pending.GetValueOrDefault(header.MessageNumber);
            }
        }
        if (commit is not null)
        {
            await manager.CommittedAsync(session, commit).ConfigureAwait(false);
            lock (session.Sync)
            {
                pending!.Stored = true;
                session.Uncommitted.Remove(header.MessageNumber);
            }
        }

        switch (decision.Outcome)
        {
            case ReceiveOutcome.Faulted:
                await OnFaultAsync(http, message, rm, session, decision.Fault!).ConfigureAwait(false);
                return;
            case ReceiveOutcome.Dropped:
                await AnswerDroppedAsync(http, message, session).ConfigureAwait(false);
                return;
            case ReceiveOutcome.Duplicate:
                manager.Metrics.Duplicate();
                await AnswerDuplicateAsync(http, message, rm, session, pending).ConfigureAwait(false);
                return;
        }

        delivery.Schedule(session);
        if (!pending!.ExpectsReply)
        {
            await AnswerAsync(http, message, rm, session, reply: null).ConfigureAwait(false);
            return;
        }
        await AnswerWhenDeliveredAsync(http, message, rm, session, pending).ConfigureAwait(false);
    }

    // The real WCF client (request-reply channel, flow control on by default) takes its send quota only from the answers
    // to its sequence messages: BufferRemaining less the messages still in flight after the window slides, and never
    // from the answer to an AckRequested poll. An answer with BufferRemaining 0 that slides its window last leaves it
    // with no quota and nothing in flight: it never sends again and its callers time out after SendTimeout. So an answer
    // is held until the acknowledgement it carries, taken under the session's lock, has room in it (the service's
    // delivery frees it), at most ReplyWaitTimeout and never past the host's stop; then it goes with 0 anyway.
    private async Task<SequenceAcknowledgement> AcknowledgementWithRoomAsync(ServerSession session, ulong number)
    {
        CancellationToken deadline = default;
        while (true)
        {
            TaskCompletionSource room;
            lock (session.Sync)
            {
                var ack = session.Acknowledgement(Options.FlowControlEnabled);
                if (ack.BufferRemaining is not 0 || session.Ended || session.Draining) return ack;
                room = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                session.RoomWaiters.Enqueue(room);
            }
            if (!deadline.CanBeCanceled) deadline = manager.ReplyDeadlines.Next();
            try
            {
                await room.Task.WaitAsync(deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                room.TrySetCanceled();
                WsRmServerLog.HeldRequestReleased(manager.Logger, session.Id, number,
                    (manager.Stopping.IsCancellationRequested ? "the host is stopping" : $"the receive buffer had no room within ReplyWaitTimeout ({Options.ReplyWaitTimeout})")
                    + "; acknowledged with BufferRemaining 0");
                lock (session.Sync) return session.Acknowledgement(Options.FlowControlEnabled);
            }
        }
    }

    // A message the receive buffer has no room for is neither delivered nor acknowledged: answered with an empty 202,
    // as WCF's own destination answers it (it closes the request without a reply), so the source keeps it and
    // retransmits it on its own timer. An acknowledgement that leaves it out would break the real WCF client: its
    // request-reply channel faults the session with InvalidAcknowledgement when the answer to a request does not
    // acknowledge it, and a BufferRemaining of 0 stalls it until its next poll (SendTimeout / 2).
    internal Task AnswerDroppedAsync(HttpContext http, SoapMessage message, ServerSession session)
    {
        manager.Metrics.Dropped();
        WsRmServerLog.MessageDropped(manager.Logger, session.Id, message.Sequence!.MessageNumber);
        SoapHttp.Accepted(http.Response);
        return Task.CompletedTask;
    }

    private async Task AnswerDuplicateAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, PendingDelivery? original)
    {
        if (original is { ExpectsReply: true })
        {
            await AnswerWhenDeliveredAsync(http, message, rm, session, original).ConfigureAwait(false);
            return;
        }
        CachedReply? reply = null;
        if (original is null)
        {
            var number = message.Sequence!.MessageNumber;
            lock (session.Sync)
                if (session.Record.Reply is { } replies && replies.TryGet(number, out var kept)) reply = kept;
            // A durable session keeps every reply not yet acknowledged in the store, also those from before a restart.
            if (reply is null && endpoint.Durable && session.Record.Reply is not null
                && await manager.Durable!.Store.FindReplyAsync(session.Id, number, http.RequestAborted).ConfigureAwait(false) is { } stored)
                reply = StoredForms.Reply(stored);
        }
        await AnswerAsync(http, message, rm, session, reply).ConfigureAwait(false);
    }

    // Holds the request until its message is delivered, at most ReplyWaitTimeout and never past the host's stop. A
    // request released early gets an empty 202, as if it had been lost on the way: the source retransmits it, and the
    // retransmission gets the kept reply (or waits again while the service still runs). The real WCF client needs that
    // shape: it takes any SOAP answer to a request as the reply, and an acknowledgement alone as none at all ("the
    // server did not provide a meaningful reply").
    private async Task AnswerWhenDeliveredAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, PendingDelivery pending)
    {
        CachedReply? reply;
        var done = pending.Done.Task;
        try
        {
            reply = done.IsCompleted ? await done.ConfigureAwait(false) : await done.WaitAsync(manager.ReplyDeadlines.Next()).ConfigureAwait(false);
        }
        catch (SequenceEndedException ended)
        {
            await RmReplies.FaultAsync(http, message, rm, ended.Fault, manager).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            WsRmServerLog.HeldRequestReleased(manager.Logger, session.Id, pending.Number,
                (manager.Stopping.IsCancellationRequested ? "the host is stopping" : $"no reply within ReplyWaitTimeout ({Options.ReplyWaitTimeout})")
                + "; answered 202, the retransmission gets the reply");
            SoapHttp.Accepted(http.Response);
            return;
        }
        await AnswerAsync(http, message, rm, session, reply, pending.AcknowledgementAtEnd).ConfigureAwait(false);
    }

    // endAck: the acknowledgement taken when the delivery ended the session (after a service failure), so that the
    // answer does not carry the terminated sequence's final acknowledgement. holdForRoom: false where no delivery loop
    // frees the buffer (a queued endpoint hands messages over on receipt).
    internal async Task AnswerAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, CachedReply? reply,
        SequenceAcknowledgement? endAck = null, bool holdForRoom = true)
    {
        SequenceAcknowledgement ack;
        if (endAck is not null) ack = endAck;
        else if (holdForRoom) ack = await AcknowledgementWithRoomAsync(session, message.Sequence?.MessageNumber ?? 0).ConfigureAwait(false);
        else lock (session.Sync) ack = session.Acknowledgement(Options.FlowControlEnabled);
        string? replyId;
        lock (session.Sync) replyId = session.Record.Reply?.Id;
        if (reply is null)
        {
            await RmReplies.AcknowledgeAsync(http, message, rm, ack).ConfigureAwait(false);
            return;
        }
        var answer = RmReplies.For(message, rm, reply.Action);
        if (replyId is not null && reply.ReplyNumber > 0) answer.Sequence = new SequenceHeader(replyId, reply.ReplyNumber, reply.LastMessage);
        answer.Acknowledgements.Add(ack);
        answer.Fault = reply.Fault;
        answer.FaultInBody = reply.FaultInBody;
        answer.WriteBody = reply.WriteBody;
        await SoapHttp.WriteAsync(http.Response, answer).ConfigureAwait(false);
    }

    internal async Task OnFaultAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, WsRmFault fault)
    {
        if (fault.Scope == FaultScope.Sequence)
        {
            await manager.EndAsync(session, fault).ConfigureAwait(false);
        }
        await RmReplies.FaultAsync(http, message, rm, fault, manager).ConfigureAwait(false);
    }
}
