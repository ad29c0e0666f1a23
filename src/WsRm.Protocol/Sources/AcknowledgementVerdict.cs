namespace WsRm.Protocol.Sources;

/// <summary>The classification of an acknowledgement by <see cref="AcknowledgementCheck"/>.</summary>
internal enum AcknowledgementVerdict
{
    /// <summary>Valid and at least as recent as anything applied.</summary>
    Current,

    /// <summary>Valid but an older snapshot than one applied.</summary>
    Stale,

    /// <summary>Breaks the invariants.</summary>
    Invalid,
}
