namespace WsRm.Protocol.Sources;

/// <summary>What <see cref="SourceSequence.TryRestore"/> decided.</summary>
internal enum RestoreOutcome
{
    /// <summary>Back in the window, unsent: transmit it, then call <see cref="SourceSequence.OnSent"/>.</summary>
    Restored,

    /// <summary>The destination acknowledged it already (since the sequence was resumed): nothing to send.</summary>
    Acknowledged,

    /// <summary>It is in the window already.</summary>
    Outstanding,

    /// <summary>The number is 0 or was never given on this sequence.</summary>
    NotAssigned,

    /// <summary>The sequence is not Active.</summary>
    NotActive,
}
