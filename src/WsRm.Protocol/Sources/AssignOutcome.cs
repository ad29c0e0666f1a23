namespace WsRm.Protocol.Sources;

/// <summary>What <see cref="SourceSequence.TryAssign"/> decided.</summary>
internal enum AssignOutcome
{
    /// <summary>Numbered; send it, then call <see cref="SourceSequence.OnSent"/>.</summary>
    Assigned,

    /// <summary>The sequence is not Active (still Creating, closing, closed, terminated or faulted).</summary>
    NotActive,

    /// <summary>The transfer window is full: wait for acknowledgements.</summary>
    WindowFull,

    /// <summary>The destination's advertised <c>netrm:BufferRemaining</c> is used up: wait for acknowledgements.</summary>
    DestinationBufferFull,

    /// <summary>The next number would pass the maximum (WS-RM 1.1 §3.7, §4.5): close this sequence and start another.</summary>
    MessageNumberRollover,
}
