using System.Diagnostics;

namespace WsRm.Testing;

/// <summary>
/// Bounded polling of state that another component changes without telling anyone (a server-side store, a log file
/// written by another process). The outcome depends on the condition only: the bound is a generous guard.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="limit"/> (default <see cref="Bounded.Long"/>).</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, limit);

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds (a store read); throws <see cref="TimeoutException"/> after <paramref name="limit"/> (default <see cref="Bounded.Long"/>).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var bound = limit ?? Bounded.Long;
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > bound) throw new TimeoutException($"Not true within {bound}: {what}");
            await Task.Delay(Interval).ConfigureAwait(false);
        }
    }

    /// <summary>Reads <paramref name="read"/> until it returns at least <paramref name="count"/> items or <see cref="Bounded.Long"/> passes; returns the last read.</summary>
    public static async Task<T[]> AtLeastAsync<T>(Func<T[]> read, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = read();
            if (items.Length >= count || clock.Elapsed > Bounded.Long) return items;
            await Task.Delay(Interval).ConfigureAwait(false);
        }
    }
}
