namespace WsRm.Client.Tests.Infrastructure;

/// <summary>What <see cref="LateAckDestination"/> knows of one sequence; guarded by the destination's lock.</summary>
internal sealed class LateAckSequence(string id, string? offerId)
{
    public string Id { get; } = id;

    /// <summary>The offered reply sequence, or null.</summary>
    public string? OfferId { get; } = offerId;

    /// <summary>The last reply number used.</summary>
    public ulong ReplyNumber { get; set; }

    /// <summary>Message numbers received (not dropped).</summary>
    public SortedSet<ulong> Received { get; } = [];

    /// <summary>Message numbers the test released (WhenReleased).</summary>
    public SortedSet<ulong> Released { get; } = [];

    /// <summary>Arrivals per message number, dropped ones included.</summary>
    public Dictionary<ulong, int> Transmissions { get; } = [];

    /// <summary>Echo replies by request number: a retransmitted request gets the same one.</summary>
    public Dictionary<ulong, (ulong Number, string Text)> Replies { get; } = [];
}
