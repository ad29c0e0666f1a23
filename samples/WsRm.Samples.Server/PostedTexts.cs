namespace WsRm.Samples.Server;

/// <summary>The texts posted to the echo service, in process memory, shared by all sessions.</summary>
public sealed class PostedTexts
{
    private readonly Lock _lock = new();
    private readonly List<string> _texts = [];

    public void Add(string text)
    {
        lock (_lock) _texts.Add(text);
    }

    public string[] StartingWith(string prefix)
    {
        lock (_lock) return [.. _texts.Where(t => t.StartsWith(prefix, StringComparison.Ordinal))];
    }
}
