namespace WsRm.Interop.Tests.Metadata;

/// <summary>The order ids given to <see cref="IOrderDesk.Cancel"/>, in arrival order; thread-safe.</summary>
public sealed class CancelledOrders
{
    private readonly Lock _lock = new();
    private readonly List<string> _ids = [];

    /// <summary>Records <paramref name="id"/>.</summary>
    public void Add(string id)
    {
        lock (_lock) _ids.Add(id);
    }

    /// <summary>The ids recorded so far that start with <paramref name="prefix"/>.</summary>
    public string[] StartingWith(string prefix)
    {
        lock (_lock) return _ids.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
    }
}
