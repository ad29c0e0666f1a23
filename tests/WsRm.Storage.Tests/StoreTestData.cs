using System.Text;

namespace WsRm.Storage.Tests;

/// <summary>Records to store in the conformance tests.</summary>
internal static class StoreTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static StoredSequence Sequence(string id, string endpoint = "/orders", string client = "10.0.0.1", bool ordered = true, string? replyId = null) => new()
    {
        Id = id,
        Endpoint = endpoint,
        RmNamespace = "http://docs.oasis-open.org/ws-rx/wsrm/200702",
        SoapNamespace = "http://www.w3.org/2003/05/soap-envelope",
        AddressingNamespace = "http://www.w3.org/2005/08/addressing",
        ClientKey = client,
        Ordered = ordered,
        ReplyId = replyId,
        Created = T0,
        LastActivity = T0,
    };

    public static StoredMessage Message(string sequenceId, ulong number, string endpoint = "/orders", DateTimeOffset? received = null) => new()
    {
        SequenceId = sequenceId,
        Number = number,
        Endpoint = endpoint,
        Action = "urn:test/Post",
        Envelope = Encoding.UTF8.GetBytes($"<Envelope>{sequenceId}#{number}</Envelope>"),
        Received = received ?? T0.AddSeconds(number),
    };

    public static OutboxMessage Outbox(string queue, string text, DateTimeOffset? expires = null) => new()
    {
        Queue = queue,
        Action = "urn:test/Post",
        Body = Encoding.UTF8.GetBytes($"<Post><text>{text}</text></Post>"),
        Enqueued = T0,
        ExpiresAt = expires,
    };
}
