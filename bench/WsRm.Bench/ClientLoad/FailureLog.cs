using System.Collections.Concurrent;

namespace WsRm.Bench.ClientLoad;

/// <summary>Failed calls, counted by exception type and message. Thread-safe.</summary>
internal sealed class FailureLog
{
    private readonly ConcurrentDictionary<string, int> _byKind = new();
    private readonly ConcurrentDictionary<string, Exception> _first = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyDictionary<string, int> ByKind => _byKind;

    /// <summary>The first exception of each kind, for its stack trace.</summary>
    public IReadOnlyDictionary<string, Exception> First => _first;

    public void Add(Exception e)
    {
        Interlocked.Increment(ref _count);
        var text = e.Message.ReplaceLineEndings(" ");
        var key = $"{e.GetType().Name}: {(text.Length > 160 ? text[..160] + "…" : text)}";
        _byKind.AddOrUpdate(key, 1, (_, n) => n + 1);
        _first.TryAdd(key, e);
    }

    public void AddTo(FailureLog total)
    {
        foreach (var (kind, n) in _byKind)
        {
            total._byKind.AddOrUpdate(kind, n, (_, m) => m + n);
            Interlocked.Add(ref total._count, n);
            if (_first.TryGetValue(kind, out var e)) total._first.TryAdd(kind, e);
        }
    }
}
