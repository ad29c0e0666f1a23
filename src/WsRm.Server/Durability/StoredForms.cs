using System.Runtime.InteropServices;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Xml;
using WsRm.Server.Sequences;
using WsRm.Storage;

namespace WsRm.Server.Durability;

/// <summary>How a live session's parts are written to a store, as plain records.</summary>
internal static class StoredForms
{
    /// <summary>The session's sequence at version <paramref name="version"/> (0: not stored yet).</summary>
    public static StoredSequence Sequence(ServerSession session, long version, SequenceStatus? status = null)
    {
        var record = session.Record;
        var destination = record.Destination;
        return new StoredSequence
        {
            Id = record.Id,
            Endpoint = record.Endpoint,
            RmNamespace = record.Rm.Namespace,
            SoapNamespace = record.Soap.Namespace,
            AddressingNamespace = record.Addressing?.Namespace,
            ClientKey = record.ClientKey,
            Owner = record.Owner,
            CreateMessageId = record.CreateMessageId,
            Ordered = destination.Ordered,
            Status = status ?? (destination.State == DestinationState.Active ? SequenceStatus.Active : SequenceStatus.Closed),
            Received = SequenceRanges.Format(destination.Received.Ranges),
            LastMessageNumber = destination.LastMessageNumber,
            LastNamedBySource = destination.LastNamedBySource,
            ReplyId = record.Reply?.Id,
            ReplyLastNumber = record.Reply?.LastNumber ?? 0,
            Created = record.Created,
            LastActivity = destination.LastActivity,
            Version = version,
        };
    }

    /// <summary>An accepted message, as received.</summary>
    public static StoredMessage Message(ServerSession session, PendingDelivery pending, DateTimeOffset now, MessageState state = MessageState.Ready) => new()
    {
        SequenceId = session.Id,
        Number = pending.Number,
        Endpoint = session.Endpoint.Pattern,
        Action = pending.Message.Action,
        Envelope = Bytes(pending.Message.Buffer),
        Received = now,
        State = state,
    };

    /// <summary>A reply as kept on the reply sequence: its body (or fault) rendered once, to be sent as is.</summary>
    public static StoredReply Reply(string sequenceId, ulong requestNumber, CachedReply reply, SoapVersion soap)
    {
        byte[] body = reply.Fault is { } fault
            ? XmlFragments.Render(w => FaultWriter.WriteFault(w, fault, soap))
            : reply.WriteBody is { } write ? XmlFragments.Render(write) : [];
        return new StoredReply
        {
            SequenceId = sequenceId,
            RequestNumber = requestNumber,
            ReplyNumber = reply.ReplyNumber,
            Action = reply.Fault is { } f ? f.Action : reply.Action,
            Body = body,
            IsFault = reply.Fault is not null || reply.FaultInBody,
            LastMessage = reply.LastMessage,
        };
    }

    /// <summary>A stored reply, ready to answer a retransmission.</summary>
    public static CachedReply Reply(StoredReply stored) =>
        new(stored.ReplyNumber, stored.Action, XmlFragments.Writer(stored.Body), null, stored.LastMessage, FaultInBody: stored.IsFault);

    private static byte[] Bytes(ReadOnlyMemory<byte> buffer) =>
        MemoryMarshal.TryGetArray(buffer, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : buffer.ToArray();
}
