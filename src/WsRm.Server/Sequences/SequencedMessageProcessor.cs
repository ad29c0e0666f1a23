using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Dispatch;
using WsRm.Server.Hosting;

namespace WsRm.Server.Sequences;

/// <summary>
/// A message with a Sequence header: accepted, duplicate, dropped or faulted by the destination state machine; an
/// accepted one waits (asynchronously) for its turn when ordered, is delivered once, and is answered on its own HTTP
/// response with the acknowledgement piggybacked. A retransmission gets the kept reply without running the operation.
/// </summary>
internal sealed class SequencedMessageProcessor(ServiceEndpoint endpoint, SequenceManager manager)
{
    private WsRmServerOptions Options => manager.Options;

    public async Task HandleAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        var header = message.Sequence!;
        if (manager.Find(header.Identifier, endpoint) is not { } session)
        {
            await RmReplies.FaultAsync(http, message, rm, new UnknownSequenceFault(header.Identifier), manager).ConfigureAwait(false);
            return;
        }
        if (await AcknowledgementProcessor.ApplyAsync(http, message, rm, session, manager).ConfigureAwait(false)) return;

        var isLastMessage = !rm.Is11 && message.Action == rm.LastMessageAction;
        ReceiveDecision decision;
        PendingDelivery? pending;
        lock (session.Sync)
        {
            decision = session.Record.Destination.Receive(header.MessageNumber, header.LastMessage || isLastMessage, manager.Time.GetUtcNow());
            pending = Track(session, header.MessageNumber, decision.Outcome);
        }

        switch (decision.Outcome)
        {
            case ReceiveOutcome.Faulted:
                await OnFaultAsync(http, message, rm, session, decision.Fault!).ConfigureAwait(false);
                return;
            case ReceiveOutcome.Dropped:
                manager.Metrics.Dropped();
                WsRmServerLog.MessageDropped(manager.Logger, session.Id, header.MessageNumber);
                // No acknowledgement: WCF takes any reply to a request as its acknowledgement, so refuse at the HTTP
                // level and let the source retransmit.
                http.Response.Headers.RetryAfter = "1";
                await SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status503ServiceUnavailable, "The receive window of this sequence is full; retransmit later.").ConfigureAwait(false);
                return;
            case ReceiveOutcome.Duplicate:
                manager.Metrics.Duplicate();
                await AnswerDuplicateAsync(http, message, rm, session, pending).ConfigureAwait(false);
                return;
        }

        CachedReply? reply;
        try
        {
            await pending!.Turn.Task.ConfigureAwait(false);
            reply = await DeliverAsync(message, session, header.MessageNumber, isLastMessage).ConfigureAwait(false);
        }
        catch (SequenceEndedException ended)
        {
            await RmReplies.FaultAsync(http, message, rm, ended.Fault, manager).ConfigureAwait(false);
            return;
        }
        await AnswerAsync(http, message, rm, session, reply).ConfigureAwait(false);
    }

    // Registers an accepted message; for a duplicate, finds the original if it is still being processed.
    private static PendingDelivery? Track(ServerSession session, ulong number, ReceiveOutcome outcome)
    {
        if (outcome == ReceiveOutcome.Duplicate) return session.Pending.GetValueOrDefault(number);
        if (outcome != ReceiveOutcome.Accepted) return null;
        var pending = new PendingDelivery(number);
        session.Pending[number] = pending;
        if (session.Record.Destination.IsDeliverable(number)) pending.Turn.TrySetResult();
        return pending;
    }

    private async Task<CachedReply?> DeliverAsync(SoapMessage message, ServerSession session, ulong number, bool isLastMessage)
    {
        OperationResult? result = null;
        string? action = message.Action;
        if (!isLastMessage) result = await InvokeAsync(message, session, number).ConfigureAwait(false);

        CachedReply? reply = null;
        PendingDelivery? pending;
        lock (session.Sync)
        {
            if (isLastMessage && session.Record.Reply is { } replies)
            {
                // WS-RM 1.0 over request-reply: the answer to the request sequence's LastMessage ends the reply
                // sequence too (WCF's client waits for it before TerminateSequence).
                reply = replies.Add(number, action, null, null, lastMessage: true);
            }
            else if (result is not null && !result.IsOneWay)
            {
                var fault = result.FaultValue;
                reply = session.Record.Reply?.Add(number, fault is null ? result.ReplyAction : null, result.WriteBody, fault)
                    ?? new CachedReply(0, fault is null ? result.ReplyAction : null, result.WriteBody, fault);
            }
            var next = session.Record.Destination.Delivered(number);
            session.Pending.Remove(number, out pending);
            if (next is { } n && session.Pending.TryGetValue(n, out var following)) following.Turn.TrySetResult();
        }
        pending?.Done.TrySetResult(reply);
        if (action is not null && !isLastMessage) manager.Metrics.Delivered();
        return reply;
    }

    private async Task<OperationResult> InvokeAsync(SoapMessage message, ServerSession session, ulong number)
    {
        var action = message.Action ?? "";
        if (!endpoint.Dispatcher.TryGetOperation(action, out var operation))
            return OperationResult.Fault(AddressingFaults.ActionNotSupported(message.Addressing.Version, action));

        using var activity = WsRmServerMetrics.ActivitySource.StartActivity("wsrm.deliver", ActivityKind.Server);
        activity?.SetTag("wsrm.sequence_id", session.Id);
        activity?.SetTag("wsrm.message_number", number);
        activity?.SetTag("soap.action", action);

        await session.DispatchGate.WaitAsync().ConfigureAwait(false);
        var lease = session.AcquireInstance();
        try
        {
            using var body = message.CreateBodyReader();
            // Not the request's token: a delivered message runs to completion even if its HTTP request is gone.
            var result = await operation.InvokeAsync(lease.Instance, body, endpoint.IncludeExceptionDetail, CancellationToken.None).ConfigureAwait(false);
            return OperationFailures.Review(operation, result, manager.Logger);
        }
        catch (Exception e)
        {
            WsRmServerLog.OperationFailed(manager.Logger, action, e);
            return OperationResult.Fault(SoapFaults.InternalError());
        }
        finally
        {
            await session.ReleaseCallInstance(lease).ConfigureAwait(false);
            session.DispatchGate.Release();
        }
    }

    private async Task AnswerDuplicateAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, PendingDelivery? original)
    {
        CachedReply? reply = null;
        if (original is not null)
        {
            try
            {
                reply = await original.Done.Task.ConfigureAwait(false);
            }
            catch (SequenceEndedException ended)
            {
                await RmReplies.FaultAsync(http, message, rm, ended.Fault, manager).ConfigureAwait(false);
                return;
            }
        }
        else
        {
            lock (session.Sync)
                if (session.Record.Reply is { } replies && replies.TryGet(message.Sequence!.MessageNumber, out var kept)) reply = kept;
        }
        await AnswerAsync(http, message, rm, session, reply).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, CachedReply? reply)
    {
        SequenceAcknowledgement ack;
        string? replyId;
        lock (session.Sync)
        {
            ack = session.Record.Destination.Acknowledgement(Options.FlowControlEnabled);
            replyId = session.Record.Reply?.Id;
        }
        if (reply is null)
        {
            await RmReplies.AcknowledgeAsync(http, message, rm, ack).ConfigureAwait(false);
            return;
        }
        var answer = RmReplies.For(message, rm, reply.Action);
        if (replyId is not null && reply.ReplyNumber > 0) answer.Sequence = new SequenceHeader(replyId, reply.ReplyNumber, reply.LastMessage);
        answer.Acknowledgements.Add(ack);
        answer.Fault = reply.Fault;
        answer.WriteBody = reply.WriteBody;
        await SoapHttp.WriteAsync(http.Response, answer).ConfigureAwait(false);
    }

    private async Task OnFaultAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, WsRmFault fault)
    {
        if (fault.Scope == FaultScope.Sequence)
        {
            WsRmServerLog.SequenceFaulted(manager.Logger, session.Id, fault.ToString());
            await manager.EndAsync(session, fault).ConfigureAwait(false);
        }
        await RmReplies.FaultAsync(http, message, rm, fault, manager).ConfigureAwait(false);
    }
}
