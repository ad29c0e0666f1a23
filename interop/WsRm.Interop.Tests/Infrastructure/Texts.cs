namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Unique test texts, so tests sharing the server's stores never see each other's messages.</summary>
public static class Texts
{
    /// <summary>A prefix unique to this call, e.g. "Post-3f2a…-".</summary>
    public static string UniquePrefix(string test) => $"{test}-{Guid.NewGuid():N}-";

    /// <summary><paramref name="count"/> texts prefix000, prefix001, … (sortable in send order).</summary>
    public static string[] Numbered(string prefix, int count)
        => Enumerable.Range(0, count).Select(i => $"{prefix}{i:D3}").ToArray();

    /// <summary>Asserts each expected text arrived exactly once, and in send order when <paramref name="ordered"/>.</summary>
    public static void AssertDelivered(string[] expected, string[] received, bool ordered)
    {
        if (ordered) Assert.Equal(expected, received);
        else Assert.Equal(expected, received.Order(StringComparer.Ordinal).ToArray());
    }
}
