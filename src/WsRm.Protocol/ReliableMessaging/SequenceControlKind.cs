namespace WsRm.Protocol.ReliableMessaging;

/// <summary>Which sequence-lifetime body a <see cref="SequenceControl"/> is.</summary>
public enum SequenceControlKind
{
    /// <summary>CloseSequence (1.1).</summary>
    CloseSequence,

    /// <summary>CloseSequenceResponse (1.1).</summary>
    CloseSequenceResponse,

    /// <summary>TerminateSequence.</summary>
    TerminateSequence,

    /// <summary>TerminateSequenceResponse (1.1).</summary>
    TerminateSequenceResponse,
}
