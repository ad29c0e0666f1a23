using WsRm.Cli.Output;

namespace WsRm.Cli.Views;

/// <summary>A message of a transmission queue as <c>wsrm deadletter list --json</c> and <c>show --json</c> write it.</summary>
internal sealed record DeadLetterView
{
    public required long Id { get; init; }
    public required string Queue { get; init; }
    public required string Action { get; init; }

    /// <summary><c>dead</c>, or <c>pending</c> for a message still in its transmission queue (show only).</summary>
    public required string State { get; init; }

    public string? SequenceId { get; init; }
    public ulong? Number { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset Enqueued { get; init; }
    public long? AgeSeconds { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? DeadAt { get; init; }
    public string? DeadReason { get; init; }
    public string? LastError { get; init; }

    /// <summary>The body's content as stored, UTF-8 text (show only).</summary>
    public string? Body { get; init; }

    /// <summary>The fields of <paramref name="message"/>, without the body.</summary>
    public static DeadLetterView From(OutboxMessage message, DateTimeOffset now) => new()
    {
        Id = message.Id,
        Queue = message.Queue,
        Action = message.Action,
        State = Formats.Name(message.State),
        SequenceId = message.SequenceId,
        Number = message.Number,
        Attempts = message.Attempts,
        Enqueued = message.Enqueued,
        AgeSeconds = Formats.AgeSeconds(message.Enqueued, now),
        ExpiresAt = message.ExpiresAt,
        DeadAt = message.DeadAt,
        DeadReason = message.DeadReason,
        LastError = message.LastError,
    };
}
