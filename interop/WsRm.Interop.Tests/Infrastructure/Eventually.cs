using System.Diagnostics;

namespace WsRm.Interop.Tests.Infrastructure;

/// <summary>Bounded polling of server-side stores, for deliveries that complete after the client call returned.</summary>
public static class Eventually
{
    /// <summary>How long to wait for the expected deliveries.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="read"/> until it returns at least <paramref name="count"/> items or the timeout passes; returns the last read.</summary>
    public static async Task<string[]> AtLeastAsync(Func<string[]> read, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = read();
            if (items.Length >= count || clock.Elapsed >= Timeout) return items;
            await Task.Delay(Interval).WaitAsync(Timeout);
        }
    }
}
