using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sequences;

/// <summary>
/// The sequence the server sends replies on, created from the client's Offer (WS-RM 1.1 §3.4). Numbers replies,
/// keeps each until the client acknowledges it, and finds the reply of a retransmitted request. Bounded: at most
/// <c>capacity</c> replies are kept; past that the oldest is forgotten (its request was acknowledged by its own
/// reply long before). Not thread-safe.
/// </summary>
public sealed class ReplySequence(string id, int capacity)
{
    private readonly SortedDictionary<ulong, CachedReply> _byRequest = [];

    /// <summary>A reply sequence restored from a store: numbering goes on after <paramref name="lastNumber"/>.</summary>
    public ReplySequence(string id, int capacity, ulong lastNumber) : this(id, capacity) => LastNumber = lastNumber;

    /// <summary>The offered sequence id.</summary>
    public string Id { get; } = id;

    /// <summary>The last number assigned.</summary>
    public ulong LastNumber { get; private set; }

    /// <summary>Replies kept.</summary>
    public int Count => _byRequest.Count;

    /// <summary>Assigns the next reply number and keeps the reply for request <paramref name="requestNumber"/>.</summary>
    public CachedReply Add(ulong requestNumber, string? action, System.Action<System.Xml.XmlWriter>? writeBody, SoapFault? fault, bool lastMessage = false) =>
        Keep(requestNumber, new CachedReply(++LastNumber, action, writeBody, fault, lastMessage));

    /// <summary>Keeps an already numbered reply (one read back from a store) for request <paramref name="requestNumber"/>.</summary>
    public CachedReply Keep(ulong requestNumber, CachedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _byRequest[requestNumber] = reply;
        while (_byRequest.Count > capacity) _byRequest.Remove(_byRequest.Keys.First());
        return reply;
    }

    /// <summary>The kept reply of request <paramref name="requestNumber"/>.</summary>
    public bool TryGet(ulong requestNumber, out CachedReply reply) => _byRequest.TryGetValue(requestNumber, out reply!);

    /// <summary>
    /// Applies an acknowledgement of the reply sequence: forgets acknowledged replies. Returns InvalidAcknowledgement
    /// when it acknowledges numbers never sent or mixes ranges with Nack/None (WS-RM 1.1 §3.9, §4.4).
    /// </summary>
    public InvalidAcknowledgementFault? Acknowledge(SequenceAcknowledgement ack)
    {
        if (!IsValid(ack)) return new InvalidAcknowledgementFault(ack);
        // Acknowledgements are cumulative (§3.9), so the ranges of this one cover every earlier one.
        if (_byRequest.Count > 0 && ack.Ranges.Count > 0)
        {
            List<ulong>? done = null;
            foreach (var (request, reply) in _byRequest)
                if (IsIn(ack.Ranges, reply.ReplyNumber)) (done ??= []).Add(request);
            done?.ForEach(r => _byRequest.Remove(r));
        }
        return null;
    }

    private static bool IsIn(IReadOnlyList<AckRange> ranges, ulong number)
    {
        foreach (var range in ranges)
            if (range.Contains(number)) return true;
        return false;
    }

    private bool IsValid(SequenceAcknowledgement ack)
    {
        if (ack.Ranges.Count > 0 && (ack.Nacks.Count > 0 || ack.None)) return false;
        if (ack.Nacks.Count > 0 && ack.None) return false;
        ulong previousUpper = 0;
        foreach (var range in ack.Ranges)
        {
            if (range.Lower == 0 || range.Lower > range.Upper || range.Upper > LastNumber) return false;
            if (previousUpper != 0 && range.Lower <= previousUpper) return false;
            previousUpper = range.Upper;
        }
        foreach (var nack in ack.Nacks)
            if (nack == 0 || nack > LastNumber) return false;
        return true;
    }
}
