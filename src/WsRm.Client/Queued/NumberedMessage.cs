using WsRm.Storage;

namespace WsRm.Client;

/// <summary>
/// A queued message numbered on the queue's current sequence and not yet acknowledged, as the forwarder knows it: the
/// stored row, and whether the destination may have received it (from every session that carried it in this process;
/// true when it was numbered before, by an earlier process, since those transmissions are unknown).
/// </summary>
internal sealed class NumberedMessage(OutboxMessage message, bool mayHaveArrived)
{
    /// <summary>The row as stored (SequenceId and Number set).</summary>
    public OutboxMessage Message { get; } = message;

    /// <summary>Its number on the sequence.</summary>
    public ulong Number => Message.Number!.Value;

    /// <summary>False only while every transmission of it certainly failed to arrive.</summary>
    public bool MayHaveArrived { get; set; } = mayHaveArrived;

    /// <summary>True when its TimeToLive passed by <paramref name="now"/>.</summary>
    public bool ExpiredBy(DateTimeOffset now) => Message.ExpiresAt is { } at && at <= now;
}
