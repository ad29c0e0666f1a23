using WsRm.Protocol.Sequences;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sources;

/// <summary>
/// Going on with a sequence that outlived the object that numbered it (a durable transmission queue after a restart, or
/// after the session that carried it failed): <see cref="Resume"/> at the last number given, <see cref="TryRestore"/>
/// for each message numbered before and not yet acknowledged, and what is known of whether a message reached the
/// destination (<see cref="OnTransmissionRejected"/>, <see cref="SourceMessage.MayHaveArrived"/>).
/// </summary>
internal sealed partial class SourceSequence
{
    // The numbers a previous object gave (0 for a sequence this object created) and those of them restored here: the
    // others were settled before, and this object does not know which of them the destination acknowledged.
    private ulong _resumedAfter;
    private readonly SequenceRanges _restored = new();

    /// <summary>
    /// A sequence the destination created earlier, Active at once (no CreateSequence): the next message gets number
    /// <paramref name="lastNumber"/> + 1 (WS-RM 1.1 §3.7: numbers are never reused on a sequence). Nothing is known
    /// acknowledged; messages numbered before and still unacknowledged come back with <see cref="TryRestore"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastNumber"/> is past the settings' maximum.</exception>
    public static SourceSequence Resume(RmVersion rm, SourceSequenceSettings settings, string id, ulong lastNumber, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var sequence = new SourceSequence(rm, settings, now);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastNumber, settings.MaxMessageNumber);
        sequence.Id = id;
        sequence.State = SourceState.Active;
        sequence.HighestAssigned = lastNumber;
        sequence._resumedAfter = lastNumber;
        return sequence;
    }

    /// <summary>
    /// Puts back message <paramref name="number"/>, numbered earlier (by a previous object) and not known acknowledged,
    /// to be transmitted again with that number: call <see cref="OnSent"/> when it goes out. It counts in the transfer
    /// window but is taken even when the window is full, as it is owed to the destination; new numbers wait.
    /// <paramref name="mayHaveArrived"/> says whether its earlier transmissions may have reached the destination (true
    /// when unknown, as after a restart); if so <see cref="SourceMessage.MayHaveArrived"/> stays true.
    /// </summary>
    public RestoreOutcome TryRestore(ulong number, object payload, DateTimeOffset now, bool mayHaveArrived = true)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (State != SourceState.Active) return RestoreOutcome.NotActive;
        if (number == 0 || number > HighestAssigned) return RestoreOutcome.NotAssigned;
        if (_acknowledged.Contains(number)) return RestoreOutcome.Acknowledged;
        if (_queue.TryGet(number, out _)) return RestoreOutcome.Outstanding;
        _queue.Add(new OutstandingMessage(number, payload, now) { Restored = mayHaveArrived });
        _restored.Add(number);
        if (_destinationRoom is { } room) _destinationRoom = room - 1;
        return RestoreOutcome.Restored;
    }

    /// <summary>
    /// Transmission <paramref name="attempt"/> of <paramref name="number"/> certainly did not reach the destination:
    /// the connection was refused before the request went out, or the destination answered that it does not know the
    /// sequence. A message whose every transmission was rejected so, and that was not restored, did not arrive. Applies
    /// in any state, so it can be told after the failure that ends the sequence. False when the message is not
    /// outstanding or the attempt was not made.
    /// </summary>
    public bool OnTransmissionRejected(ulong number, int attempt)
    {
        if (!_queue.TryGet(number, out var message) || attempt < 1 || attempt > message.Transmissions) return false;
        if (message.Rejected < message.Transmissions) message.Rejected++;
        return true;
    }

    /// <summary>True when unacknowledged message <paramref name="number"/> may have reached the destination; false when it certainly did not or is not outstanding.</summary>
    public bool MayHaveArrived(ulong number) => _queue.TryGet(number, out var message) && message.MayHaveArrived;
}
