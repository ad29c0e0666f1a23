using System.Collections.Concurrent;

namespace WsRm.Server.Storage;

/// <summary>Sequence state in process memory: lost on restart, as WCF's reliable sessions are.</summary>
internal sealed class InMemorySequenceStore : ISequenceStore
{
    private readonly ConcurrentDictionary<string, SequenceRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SequenceRecord> _byReplyId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public bool TryAdd(SequenceRecord record)
    {
        if (record.Reply is { } reply && (_byId.ContainsKey(reply.Id) || !_byReplyId.TryAdd(reply.Id, record))) return false;
        if (!_byId.TryAdd(record.Id, record))
        {
            if (record.Reply is { } r) _byReplyId.TryRemove(r.Id, out _);
            return false;
        }
        _perClient.AddOrUpdate(record.ClientKey, 1, (_, n) => n + 1);
        return true;
    }

    public SequenceRecord? Find(string sequenceId) => _byId.GetValueOrDefault(sequenceId);

    public SequenceRecord? FindByReplyId(string replySequenceId) => _byReplyId.GetValueOrDefault(replySequenceId);

    public bool Remove(string sequenceId)
    {
        if (!_byId.TryRemove(sequenceId, out var record)) return false;
        if (record.Reply is { } reply) _byReplyId.TryRemove(reply.Id, out _);
        _perClient.AddOrUpdate(record.ClientKey, 0, (_, n) => n - 1);
        _perClient.TryRemove(new KeyValuePair<string, int>(record.ClientKey, 0));
        return true;
    }

    public int CountForClient(string clientKey) => _perClient.GetValueOrDefault(clientKey);

    public IReadOnlyList<SequenceRecord> Snapshot() => [.. _byId.Values];
}
