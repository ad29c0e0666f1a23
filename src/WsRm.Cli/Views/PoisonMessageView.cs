using WsRm.Cli.Output;

namespace WsRm.Cli.Views;

/// <summary>An accepted message as <c>wsrm poison list --json</c> and <c>show --json</c> write it.</summary>
internal sealed record PoisonMessageView
{
    public required string SequenceId { get; init; }
    public required ulong Number { get; init; }
    public required string Endpoint { get; init; }
    public string? Action { get; init; }

    /// <summary><c>parked</c>, <c>rejected</c>, <c>faulted</c> (poison), or <c>ready</c>, <c>in-progress</c>, <c>waiting</c>.</summary>
    public required string State { get; init; }

    public int Attempts { get; init; }
    public int Cycles { get; init; }
    public DateTimeOffset Received { get; init; }
    public long? AgeSeconds { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public string? LastError { get; init; }

    /// <summary>The headers summarised (show only).</summary>
    public EnvelopeHeadersView? Headers { get; init; }

    /// <summary>The whole envelope as stored, UTF-8 text (show only).</summary>
    public string? Envelope { get; init; }

    /// <summary>The fields of <paramref name="message"/>, without the envelope.</summary>
    public static PoisonMessageView From(StoredMessage message, DateTimeOffset now) => new()
    {
        SequenceId = message.SequenceId,
        Number = message.Number,
        Endpoint = message.Endpoint,
        Action = message.Action,
        State = Formats.Name(message.State),
        Attempts = message.Attempts,
        Cycles = message.Cycles,
        Received = message.Received,
        AgeSeconds = Formats.AgeSeconds(message.Received, now),
        NotBefore = message.NotBefore,
        LastError = message.LastError,
    };
}
