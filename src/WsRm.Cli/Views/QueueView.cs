using WsRm.Cli.Output;

namespace WsRm.Cli.Views;

/// <summary>One queue's depth as <c>wsrm queues --json</c> writes it.</summary>
internal sealed record QueueView
{
    /// <summary><c>target</c>, <c>poison</c>, <c>transmission</c> or <c>dead-letter</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The endpoint (target, poison) or transmission queue name (transmission, dead-letter).</summary>
    public required string Name { get; init; }

    public long Count { get; init; }
    public DateTimeOffset? Oldest { get; init; }
    public long? OldestAgeSeconds { get; init; }

    public static QueueView From(QueueDepth depth, DateTimeOffset now) => new()
    {
        Kind = Formats.Name(depth.Kind),
        Name = depth.Name,
        Count = depth.Count,
        Oldest = depth.Oldest,
        OldestAgeSeconds = Formats.AgeSeconds(depth.Oldest, now),
    };
}
