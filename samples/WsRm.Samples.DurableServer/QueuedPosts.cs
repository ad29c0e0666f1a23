namespace WsRm.Samples.DurableServer;

/// <summary>The texts the queued endpoint's service ran, in process memory (a real service would write them in the store's transaction).</summary>
public sealed class QueuedPosts
{
    private readonly Lock _lock = new();
    private readonly List<string> _texts = [];

    public void Add(string text)
    {
        lock (_lock) _texts.Add(text);
    }

    public int Count
    {
        get { lock (_lock) return _texts.Count; }
    }
}
