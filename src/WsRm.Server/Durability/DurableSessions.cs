using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Server.Hosting;
using WsRm.Server.Sequences;
using WsRm.Server.Storage;
using WsRm.Storage;

namespace WsRm.Server.Durability;

/// <summary>
/// The store behind durable endpoints: rebuilds a live session from its stored sequence and buffered messages (after a
/// restart, or after it was evicted from memory while idle), and writes what a session's transitions change.
/// </summary>
internal sealed class DurableSessions(IWsRmStore store, WsRmServerOptions options)
{
    public IWsRmStore Store => store;

    /// <summary>
    /// The session of sequence <paramref name="id"/> as stored, if it belongs to <paramref name="endpoint"/> and is not
    /// terminated; its buffered messages are back in its receive buffer, to be delivered.
    /// </summary>
    public async Task<ServerSession?> LoadAsync(string id, ServiceEndpoint endpoint, CancellationToken cancellationToken)
    {
        var stored = await store.FindSequenceAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Endpoint != endpoint.Pattern || stored.Status == SequenceStatus.Terminated) return null;
        var messages = await store.ReadMessagesAsync(id, cancellationToken).ConfigureAwait(false);
        return Restore(stored, messages, endpoint);
    }

    /// <summary>A live session from its stored form.</summary>
    public ServerSession Restore(StoredSequence stored, IReadOnlyList<StoredMessage> messages, ServiceEndpoint endpoint)
    {
        var rm = RmVersion.FromNamespace(stored.RmNamespace) ?? throw new InvalidDataException($"Sequence {stored.Id} has an unknown RM namespace '{stored.RmNamespace}'.");
        var soap = SoapVersion.FromNamespace(stored.SoapNamespace) ?? throw new InvalidDataException($"Sequence {stored.Id} has an unknown SOAP namespace '{stored.SoapNamespace}'.");
        var wsa = stored.AddressingNamespace is { } ns ? AddressingVersion.FromNamespace(ns) : null;
        // A queued endpoint's receive buffer holds only the messages waiting behind a gap (the rest are in the queue,
        // delivered by its consumer); a session's holds everything not yet delivered.
        var queued = endpoint.Queue is not null;
        var buffered = messages.Where(m => queued ? m.State == MessageState.Waiting
            : m.State is MessageState.Ready or MessageState.InProgress or MessageState.Waiting).ToList();

        var destination = DestinationSequence.Restore(stored.Id, rm, stored.Ordered, Limits(endpoint), new DestinationSnapshot(
            SequenceRanges.Parse(stored.Received), buffered.Select(m => m.Number).ToList(), stored.LastMessageNumber,
            stored.LastNamedBySource, stored.Status == SequenceStatus.Closed ? DestinationState.Closed : DestinationState.Active, stored.LastActivity));
        var reply = stored.ReplyId is { } replyId ? new ReplySequence(replyId, 2 * options.MaxTransferWindowSize, stored.ReplyLastNumber) : null;
        var record = new SequenceRecord(destination, reply, stored.Endpoint, stored.ClientKey, soap, wsa, stored.Created)
        {
            CreateMessageId = stored.CreateMessageId,
            Owner = stored.Owner,
        };
        var session = new ServerSession(record, endpoint) { Version = stored.Version };
        foreach (var m in queued ? [] : buffered)
        {
            var message = EnvelopeReader.Read(m.Envelope);
            var isLast = !rm.Is11 && message.Action == rm.LastMessageAction;
            var pending = new PendingDelivery(m.Number, message, isLast, PendingDelivery.ExpectsReplyFor(endpoint, message, isLast, reply is not null));
            session.Pending[m.Number] = pending;
            if (!stored.Ordered) session.Arrivals.Enqueue(m.Number);
        }
        return session;
    }

    /// <summary>The limits a destination sequence of <paramref name="endpoint"/> runs with.</summary>
    public DestinationSequenceLimits Limits(ServiceEndpoint endpoint) => new(options.MaxTransferWindowSize, options.MaxAcknowledgementRanges);

    /// <summary>Writes the session's sequence as it is now, from the version last written, and moves the version on. Under the session's lock.</summary>
    public static SaveSequence Save(ServerSession session, SequenceStatus? status = null)
    {
        var save = new SaveSequence(StoredForms.Sequence(session, session.Version, status));
        session.Version = session.Version == 0 ? 1 : session.Version + 1;
        return save;
    }
}
