namespace WsRm.Host.Services;

/// <summary>
/// Posted texts in process memory, shared by every session, in processing order (for tests and hosts without a store).
/// Bounded: past <see cref="Capacity"/> the oldest are dropped, so a long-running host does not grow without limit.
/// </summary>
public sealed class PostedTexts : IPostedTexts
{
    /// <summary>How many texts are kept.</summary>
    public const int Capacity = 100_000;

    private readonly Queue<string> _texts = new();
    private readonly Lock _lock = new();

    /// <summary>Appends a text.</summary>
    public void Add(string text)
    {
        lock (_lock)
        {
            if (_texts.Count == Capacity) _texts.Dequeue();
            _texts.Enqueue(text);
        }
    }

    /// <summary>The kept texts starting with <paramref name="prefix"/>, oldest first.</summary>
    public string[] StartingWith(string prefix)
    {
        lock (_lock)
        {
            return _texts.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        }
    }

    /// <summary>How many kept texts are equal to <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        lock (_lock)
        {
            return _texts.Count(t => t == text);
        }
    }
}
