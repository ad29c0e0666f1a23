namespace WsRm.Protocol.Sequences;

/// <summary>What the destination decided about a received message.</summary>
public enum ReceiveOutcome
{
    /// <summary>New: deliver it (once its turn comes, when ordered) and acknowledge.</summary>
    Accepted,

    /// <summary>Already received: acknowledge again, do not deliver.</summary>
    Duplicate,

    /// <summary>No room (window or range bound): neither deliver nor acknowledge; the source retransmits.</summary>
    Dropped,

    /// <summary>Refused with a fault; see <see cref="ReceiveDecision.Fault"/>.</summary>
    Faulted,
}
