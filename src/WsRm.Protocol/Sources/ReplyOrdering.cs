namespace WsRm.Protocol.Sources;

/// <summary>
/// Hands accepted replies over in reply-sequence order (WS-RM's InOrder assurance on the client side): reply N waits
/// until 1..N-1 have been handed over. Each reply number is added once (duplicates are filtered before), so what is
/// held is bounded by the replies in flight, at most the transfer window. Unordered, every reply passes straight
/// through. No I/O. Not thread-safe.
/// </summary>
/// <typeparam name="T">What is handed over for one reply.</typeparam>
internal sealed class ReplyOrdering<T>(bool ordered)
{
    private readonly Dictionary<ulong, T> _held = [];
    private ulong _next = 1;

    /// <summary>Replies waiting for an earlier one.</summary>
    public int Held => _held.Count;

    /// <summary>Takes reply <paramref name="number"/>; returns the replies to hand over now, in order (maybe none).</summary>
    public IReadOnlyList<T> Accept(ulong number, T reply)
    {
        if (!ordered) return [reply];
        if (number < _next || !_held.TryAdd(number, reply)) return [];
        List<T>? ready = null;
        while (_held.Remove(_next, out T? next))
        {
            (ready ??= []).Add(next);
            _next++;
        }

        return ready is null ? [] : ready;
    }

    /// <summary>Empties the buffer (the session ended): what was held, to be failed.</summary>
    public IReadOnlyList<T> TakeAll()
    {
        T[] all = [.. _held.Values];
        _held.Clear();
        return all;
    }
}
