using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Durability;
using WsRm.Server.Hosting;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Queues;

/// <summary>
/// A message with a Sequence header on a queued endpoint: accepted into the target queue (committed with the sequence's
/// new state) and acknowledged at once; the <see cref="QueueConsumer"/> delivers it later. On an ordered sequence a
/// message that arrives before an earlier one waits in the queue (not deliverable) until the gap is filled.
/// </summary>
internal sealed class QueuedMessageProcessor(ServiceEndpoint endpoint, SequenceManager manager, QueueConsumer queue)
{
    private readonly SequencedMessageProcessor _answers = new(endpoint, manager, new SequenceDelivery(endpoint, manager));

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
        CachedReply? reply = null;
        Task<CommitResult>? commit = null;
        lock (session.Sync)
        {
            var destination = session.Record.Destination;
            var now = manager.Time.GetUtcNow();
            // A full queue takes nothing new (the source retransmits later); what it took before is still acknowledged.
            decision = queue.IsFull && !destination.Received.Contains(header.MessageNumber)
                ? new ReceiveDecision(ReceiveOutcome.Dropped)
                : destination.Receive(header.MessageNumber, header.LastMessage || isLastMessage, now);
            if (decision.Outcome == ReceiveOutcome.Accepted)
            {
                var ready = HandOver(destination, header.MessageNumber);
                var batch = StoreBatch.Of(DurableSessions.Save(session));
                if (isLastMessage)
                {
                    // 1.0's LastMessage has nothing to run; with a reply sequence, its answer ends that sequence too.
                    reply = session.Record.Reply?.Add(header.MessageNumber, message.Action, null, null, lastMessage: true);
                }
                else
                {
                    var pending = new PendingDelivery(header.MessageNumber, message, false, false);
                    batch.Add(new AddMessage(StoredForms.Message(session, pending, now, ready ? MessageState.Ready : MessageState.Waiting)));
                }
                if (destination.Ordered) batch.Add(new ReleaseWaiting(session.Id, destination.NextToDeliver - 1));
                session.Uncommitted.Add(header.MessageNumber);
                commit = manager.Submit(session.TakeReplyRemovals(batch));
            }
        }

        switch (decision.Outcome)
        {
            case ReceiveOutcome.Faulted:
                await _answers.OnFaultAsync(http, message, rm, session, decision.Fault!).ConfigureAwait(false);
                return;
            case ReceiveOutcome.Dropped:
                await _answers.AnswerDroppedAsync(http, message, session).ConfigureAwait(false);
                return;
            case ReceiveOutcome.Duplicate:
                manager.Metrics.Duplicate();
                await _answers.AnswerAsync(http, message, rm, session, reply: null, holdForRoom: false).ConfigureAwait(false);
                return;
        }
        await manager.CommittedAsync(session, commit!).ConfigureAwait(false);
        lock (session.Sync) session.Uncommitted.Remove(header.MessageNumber);
        if (!isLastMessage) queue.Accepted();
        await _answers.AnswerAsync(http, message, rm, session, reply, holdForRoom: false).ConfigureAwait(false);
    }

    // Under the lock: hands the accepted message, and those behind it that it unblocks, over to the queue (they leave the
    // receive buffer). True when it is deliverable now; false when an earlier number of an ordered sequence is missing.
    private static bool HandOver(DestinationSequence destination, ulong number)
    {
        if (!destination.Ordered)
        {
            destination.Delivered(number);
            return true;
        }
        while (destination.Received.Contains(destination.NextToDeliver)) destination.Delivered(destination.NextToDeliver);
        return number < destination.NextToDeliver;
    }
}
