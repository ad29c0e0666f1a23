using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Sequences;

/// <summary>
/// A destination sequence's state as plain data, to store it and to rebuild the sequence from it after a restart
/// (<see cref="DestinationSequence.Restore"/>).
/// </summary>
/// <param name="Received">The numbers received, as ascending ranges.</param>
/// <param name="Buffered">The received numbers not yet handed over for delivery (the receive buffer).</param>
/// <param name="LastMessageNumber">The last number once known.</param>
/// <param name="LastNamedBySource">True when the source named it (1.0 LastMessage, 1.1 LastMsgNumber).</param>
/// <param name="State">Active or closed (a terminated sequence is not restored).</param>
/// <param name="LastActivity">When the source was last heard from.</param>
public sealed record DestinationSnapshot(
    IReadOnlyList<AckRange> Received,
    IReadOnlyCollection<ulong> Buffered,
    ulong? LastMessageNumber,
    bool LastNamedBySource,
    DestinationState State,
    DateTimeOffset LastActivity);
