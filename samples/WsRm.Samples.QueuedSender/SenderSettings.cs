using System.Globalization;

namespace WsRm.Samples.QueuedSender;

/// <summary>What the command line asked for.</summary>
internal sealed record SenderSettings
{
    /// <summary>The destination (<c>--to</c>).</summary>
    public required Uri To { get; init; }

    /// <summary><c>Sqlite</c> or <c>PostgreSql</c> (<c>--provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>The store's connection string (<c>--connection</c>).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The longest wait between tries while the destination is down (<c>--max-retry-delay</c>).</summary>
    public required TimeSpan MaxRetryDelay { get; init; }

    /// <summary>The forwarder's information events on standard error too (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>How many texts to post (<c>--count</c>); 0 for <c>forward</c>.</summary>
    public int Count { get; init; }

    /// <summary>The texts' prefix (<c>--prefix</c>): texts are prefix00000, prefix00001, ….</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Each message's TimeToLive (<c>--ttl</c>).</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Messages enqueued per second at most (<c>--rate</c>); 0: as fast as the store commits.</summary>
    public double Rate { get; init; }

    /// <summary>
    /// The text of message <paramref name="i"/> (0-based): the prefix and the number with at least five digits, as wide
    /// for every message of a run, so the texts sort in the order they were sent.
    /// </summary>
    public string Text(int i) => Prefix + i.ToString("D" + Math.Max(5, (Count - 1).ToString(CultureInfo.InvariantCulture).Length), CultureInfo.InvariantCulture);
}
