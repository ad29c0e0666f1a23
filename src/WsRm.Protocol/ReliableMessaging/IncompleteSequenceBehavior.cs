namespace WsRm.Protocol.ReliableMessaging;

/// <summary>WS-RM 1.1 §3.4: what the destination does with an incomplete sequence when it is closed or terminated.</summary>
public enum IncompleteSequenceBehavior
{
    /// <summary>Deliver what arrived (the default).</summary>
    NoDiscard,

    /// <summary>Discard everything if there is a gap.</summary>
    DiscardEntireSequence,

    /// <summary>Discard what follows the first gap.</summary>
    DiscardFollowingFirstGap,
}
