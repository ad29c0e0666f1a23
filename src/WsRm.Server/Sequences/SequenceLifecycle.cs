using Microsoft.AspNetCore.Http;
using WsRm.Protocol;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Diagnostics;
using WsRm.Server.Hosting;
using WsRm.Server.Durability;
using WsRm.Server.Storage;
using WsRm.Storage;

namespace WsRm.Server.Sequences;

/// <summary>
/// CreateSequence, CloseSequence, TerminateSequence and standalone acknowledgements (WS-RM 1.1 §3.4–§3.9,
/// 1.0 §3.3–§3.6), answered from sequence state.
/// </summary>
internal sealed class SequenceLifecycle(ServiceEndpoint endpoint, SequenceManager manager)
{
    private WsRmServerOptions Options => manager.Options;

    public async Task CreateAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        var wsa = message.Addressing.Version!;
        if (message.Addressing.MessageId is null)
        {
            await SoapReplies.FaultAsync(http, message, AddressingFaults.MessageAddressingHeaderRequired(wsa, "MessageID")).ConfigureAwait(false);
            return;
        }
        CreateSequence request;
        try
        {
            using var body = message.CreateBodyReader();
            request = RmBodyReader.ReadCreateSequence(body, rm, wsa);
        }
        catch (Exception e) when (e is SoapParseException or System.Xml.XmlException)
        {
            await RmReplies.FaultAsync(http, message, rm, new CreateSequenceRefusedFault(e.Message), manager).ConfigureAwait(false);
            return;
        }
        if (!wsa.IsAnonymous(request.AcksTo.Address))
        {
            await RmReplies.FaultAsync(http, message, rm, new CreateSequenceRefusedFault(
                "Only the anonymous AcksTo (acknowledgements on the HTTP response) is supported."), manager).ConfigureAwait(false);
            return;
        }

        // The same CreateSequence again (a retransmission, or duplicated on the way): the same answer, no new sequence.
        var caller = SequenceCaller.From(http);
        if (await FindCreatedByAsync(caller, message, rm, request, http.RequestAborted).ConfigureAwait(false) is { } existing)
        {
            await AnswerCreatedAsync(http, message, rm, existing.Id, hasOffer: true).ConfigureAwait(false);
            return;
        }

        var now = manager.Time.GetUtcNow();
        var id = "urn:uuid:" + Guid.NewGuid().ToString("D");
        var ordered = endpoint.Ordered;
        var destination = new DestinationSequence(id, rm, ordered,
            new DestinationSequenceLimits(Options.MaxTransferWindowSize, Options.MaxAcknowledgementRanges), now);
        var reply = request.Offer is { } offer ? new ReplySequence(offer.Identifier, 2 * Options.MaxTransferWindowSize) : null;
        var record = new SequenceRecord(destination, reply, endpoint.Pattern, caller.ClientKey, message.Version, wsa, now)
        {
            CreateMessageId = message.Addressing.MessageId,
            Owner = caller.Owner,
        };
        (int, int)? stored;
        try
        {
            stored = await StoredCountsAsync(caller, http.RequestAborted).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            await SoapHttp.StoreUnavailableAsync(http, manager.Logger, "(new)", e).ConfigureAwait(false);
            return;
        }
        if (manager.TryCreate(record, endpoint, out var session, stored) is { } refused)
        {
            // A duplicate that raced the original in: answer it as the original was answered.
            if (await FindCreatedByAsync(caller, message, rm, request, http.RequestAborted).ConfigureAwait(false) is { } raced)
                await AnswerCreatedAsync(http, message, rm, raced.Id, hasOffer: true).ConfigureAwait(false);
            else
                await RmReplies.FaultAsync(http, message, rm, refused, manager).ConfigureAwait(false);
            return;
        }
        if (endpoint.Durable && !await StoreCreatedAsync(http, message, rm, session!).ConfigureAwait(false)) return;

        await AnswerCreatedAsync(http, message, rm, id, hasOffer: reply is not null).ConfigureAwait(false);
    }

    // A durable endpoint counts its limits in the store, which may hold many more sequences than memory.
    private async Task<(int, int)?> StoredCountsAsync(SequenceCaller caller, CancellationToken cancellationToken)
    {
        if (!endpoint.Durable) return null;
        var store = manager.Durable!.Store;
        return (await store.CountSequencesAsync(null, cancellationToken).ConfigureAwait(false),
            await store.CountSequencesAsync(caller.ClientKey, cancellationToken).ConfigureAwait(false));
    }

    // The new durable sequence is committed before CreateSequenceResponse leaves; false when it was answered otherwise.
    private async Task<bool> StoreCreatedAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session)
    {
        SaveSequence save;
        lock (session.Sync) save = DurableSessions.Save(session);
        CommitResult result;
        try
        {
            result = await manager.Durable!.Store.CommitAsync(StoreBatch.Of(save)).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            await manager.InvalidateAsync(session, e).ConfigureAwait(false);
            await SoapHttp.StoreUnavailableAsync(http, manager.Logger, session.Id, e).ConfigureAwait(false);
            return false;
        }
        if (result == CommitResult.Committed) return true;
        var taken = new CreateSequenceRefusedFault("The offered sequence identifier is already in use.");
        await manager.EndAsync(session, taken).ConfigureAwait(false);
        await RmReplies.FaultAsync(http, message, rm, taken, manager).ConfigureAwait(false);
        return false;
    }

    // The session an earlier copy of this CreateSequence made: same MessageID, same offer, same client.
    private async Task<ServerSession?> FindCreatedByAsync(SequenceCaller caller, SoapMessage message, RmVersion rm, CreateSequence request,
        CancellationToken cancellationToken)
        => request.Offer is { } offer
            && await manager.FindByReplyIdAsync(offer.Identifier, endpoint, rm, caller, cancellationToken).ConfigureAwait(false) is { } existing
            && existing.Record.CreateMessageId == message.Addressing.MessageId
            && existing.Record.ClientKey == caller.ClientKey
                ? existing
                : null;

    private Task AnswerCreatedAsync(HttpContext http, SoapMessage message, RmVersion rm, string id, bool hasOffer)
    {
        // Accept/AcksTo is where acknowledgements of the offered sequence go: this endpoint, never an address copied
        // from the request. WCF refuses it unless it equals the endpoint address the client sent to (R1108), which
        // it does when the client reaches us directly; behind a SOAP router with logical addresses, set o.Address.
        var wsa = message.Addressing.Version!;
        var acceptAcksTo = hasOffer ? new EndpointReference(endpoint.AddressFor(http.Request)) : null;
        var response = new CreateSequenceResponse(id, null, rm.Is11 ? IncompleteSequenceBehavior.NoDiscard : null, acceptAcksTo);
        var answer = RmReplies.For(message, rm, rm.CreateSequenceResponseAction);
        answer.WriteBody = w => RmBodyWriter.WriteCreateSequenceResponse(w, rm, wsa, response);
        return SoapHttp.WriteAsync(http.Response, answer);
    }

    public async Task CloseAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        if (await ReadControlAsync(http, message, rm, SequenceControlKind.CloseSequence).ConfigureAwait(false) is not var (control, session)) return;
        SequenceAcknowledgement? ack = null;
        WsRmFault? fault;
        Task<CommitResult>? commit = null;
        lock (session.Sync)
        {
            fault = session.Record.Destination.CheckLastMessageNumber(control.LastMessageNumber);
            if (fault is null)
            {
                var transition = session.Record.Destination.Close(control.LastMessageNumber, manager.Time.GetUtcNow());
                if (transition.Changed) WsRmServerLog.SequenceClosed(manager.Logger, session.Id, session.Record.Destination.LastMessageNumber);
                ack = session.Acknowledgement(Options.FlowControlEnabled);
                if (transition.Changed && endpoint.Durable) commit = manager.Submit(StoreBatch.Of(DurableSessions.Save(session)));
            }
        }
        if (fault is not null)
        {
            await EndWithFaultAsync(http, message, rm, session, fault).ConfigureAwait(false);
            return;
        }
        if (commit is not null) await manager.CommittedAsync(session, commit).ConfigureAwait(false);
        var answer = RmReplies.For(message, rm, rm.CloseSequenceResponseAction);
        answer.Acknowledgements.Add(ack!);
        answer.WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(SequenceControlKind.CloseSequenceResponse, control.Identifier, null));
        await SoapHttp.WriteAsync(http.Response, answer).ConfigureAwait(false);
    }

    public async Task TerminateAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        if (await ReadControlAsync(http, message, rm, SequenceControlKind.TerminateSequence).ConfigureAwait(false) is not var (control, session)) return;
        SequenceAcknowledgement? ack = null;
        WsRmFault? fault;
        Task<CommitResult>? commit = null;
        lock (session.Sync)
        {
            fault = session.Record.Destination.CheckLastMessageNumber(control.LastMessageNumber);
            if (fault is null)
            {
                session.Record.Destination.Close(control.LastMessageNumber, manager.Time.GetUtcNow());
                ack = session.Acknowledgement(flowControl: false);
                // Terminated before the answer leaves; deleted from the store once what it acknowledged is delivered.
                if (endpoint.Durable) commit = manager.Submit(StoreBatch.Of(DurableSessions.Save(session, SequenceStatus.Terminated)));
            }
        }
        if (ack is null)
        {
            await EndWithFaultAsync(http, message, rm, session, fault!).ConfigureAwait(false);
            return;
        }
        if (commit is not null) await manager.CommittedAsync(session, commit).ConfigureAwait(false);
        await manager.EndAfterDeliveryAsync(session, SequenceEndReason.TerminatedBySource).ConfigureAwait(false);

        if (!rm.Is11)
        {
            await AnswerTerminate10Async(http, message, rm, session, ack).ConfigureAwait(false);
            return;
        }
        var answer = RmReplies.For(message, rm, rm.TerminateSequenceResponseAction);
        answer.Acknowledgements.Add(ack with { Final = true });
        answer.WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(SequenceControlKind.TerminateSequenceResponse, control.Identifier, null));
        await SoapHttp.WriteAsync(http.Response, answer).ConfigureAwait(false);
    }

    // 1.0's TerminateSequence is one-way, so a client that sends it without a MessageID gets 202. WCF's request-reply
    // channel sends a MessageID and waits (10 s, then retries) for a reply: it gets the server's own TerminateSequence
    // for the reply sequence, which ends both directions, with the final acknowledgement.
    private static Task AnswerTerminate10Async(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, SequenceAcknowledgement ack)
    {
        if (message.Addressing.MessageId is null)
        {
            SoapHttp.Accepted(http.Response);
            return Task.CompletedTask;
        }
        if (session.Record.Reply is not { } reply) return RmReplies.AcknowledgeAsync(http, message, rm, ack);
        var answer = RmReplies.For(message, rm, rm.TerminateSequenceAction);
        answer.Acknowledgements.Add(ack);
        answer.WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(SequenceControlKind.TerminateSequence, reply.Id, null));
        return SoapHttp.WriteAsync(http.Response, answer);
    }

    public async Task AckRequestedAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        if (message.AckRequests.Count == 0)
        {
            await SoapReplies.FaultAsync(http, message, SoapFaults.InvalidMessage("An AckRequested message must carry a wsrm:AckRequested header.")).ConfigureAwait(false);
            return;
        }
        var id = message.AckRequests[0].Identifier;
        if (await manager.FindAsync(id, endpoint, rm, SequenceCaller.From(http), http.RequestAborted).ConfigureAwait(false) is not { } session)
        {
            await RmReplies.FaultAsync(http, message, rm, new UnknownSequenceFault(id), manager).ConfigureAwait(false);
            return;
        }
        if (await AcknowledgementProcessor.ApplyAsync(http, message, rm, session, manager).ConfigureAwait(false)) return;
        SequenceAcknowledgement ack;
        lock (session.Sync)
        {
            session.Record.Destination.Touch(manager.Time.GetUtcNow());
            ack = session.Acknowledgement(Options.FlowControlEnabled);
        }
        await RmReplies.AcknowledgeAsync(http, message, rm, ack).ConfigureAwait(false);
    }

    public async Task AcknowledgementAsync(HttpContext http, SoapMessage message, RmVersion rm)
    {
        foreach (var ack in message.Acknowledgements)
        {
            if (await manager.FindByReplyIdAsync(ack.Identifier, endpoint, rm, SequenceCaller.From(http), http.RequestAborted).ConfigureAwait(false) is not { } session)
            {
                await RmReplies.FaultAsync(http, message, rm, new UnknownSequenceFault(ack.Identifier), manager).ConfigureAwait(false);
                return;
            }
            if (await AcknowledgementProcessor.ApplyAsync(http, message, rm, session, manager).ConfigureAwait(false)) return;
            if (endpoint.Durable)
            {
                Task<CommitResult> commit;
                lock (session.Sync) commit = manager.Submit(session.TakeReplyRemovals(new StoreBatch()));
                await manager.CommittedAsync(session, commit).ConfigureAwait(false);
            }
        }
        SoapHttp.Accepted(http.Response);
    }

    private async Task<(SequenceControl, ServerSession)?> ReadControlAsync(HttpContext http, SoapMessage message, RmVersion rm, SequenceControlKind kind)
    {
        SequenceControl control;
        try
        {
            using var body = message.CreateBodyReader();
            control = RmBodyReader.ReadSequenceControl(body, rm, kind);
        }
        catch (Exception e) when (e is SoapParseException or System.Xml.XmlException)
        {
            await SoapReplies.FaultAsync(http, message, SoapFaults.InvalidMessage(e.Message)).ConfigureAwait(false);
            return null;
        }
        if (rm.Is11 && message.Addressing.MessageId is null)
        {
            await SoapReplies.FaultAsync(http, message, AddressingFaults.MessageAddressingHeaderRequired(message.Addressing.Version, "MessageID")).ConfigureAwait(false);
            return null;
        }
        if (await manager.FindAsync(control.Identifier, endpoint, rm, SequenceCaller.From(http), http.RequestAborted).ConfigureAwait(false) is not { } session)
        {
            await RmReplies.FaultAsync(http, message, rm, new UnknownSequenceFault(control.Identifier), manager).ConfigureAwait(false);
            return null;
        }
        if (await AcknowledgementProcessor.ApplyAsync(http, message, rm, session, manager).ConfigureAwait(false)) return null;
        return (control, session);
    }

    // A LastMsgNumber that contradicts what the sequence knows ends it (WS-RM 1.1 §3.5, §4.2), as WCF's destination does.
    private async Task EndWithFaultAsync(HttpContext http, SoapMessage message, RmVersion rm, ServerSession session, WsRmFault fault)
    {
        await manager.EndAsync(session, fault).ConfigureAwait(false);
        await RmReplies.FaultAsync(http, message, rm, fault, manager).ConfigureAwait(false);
    }
}
