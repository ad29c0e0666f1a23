namespace WsRm.Interop.Tests.Contracts;

/// <summary>What <see cref="OneWayLogService"/> received, in processing order (registered as a singleton).</summary>
public sealed class LoggedTexts
{
    private const int Capacity = 100_000;

    private readonly Queue<string> _texts = new();
    private readonly Lock _lock = new();

    /// <summary>Appends a text, dropping the oldest past the capacity.</summary>
    public void Add(string text)
    {
        lock (_lock)
        {
            if (_texts.Count == Capacity) _texts.Dequeue();
            _texts.Enqueue(text);
        }
    }

    /// <summary>The texts starting with <paramref name="prefix"/>, oldest first.</summary>
    public string[] StartingWith(string prefix)
    {
        lock (_lock)
        {
            return _texts.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        }
    }
}
