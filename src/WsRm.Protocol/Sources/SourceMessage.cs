namespace WsRm.Protocol.Sources;

/// <summary>A numbered message and the caller's opaque payload, handed back when it is acknowledged or abandoned.</summary>
/// <param name="Number">Its message number.</param>
/// <param name="Payload">What the caller passed to <see cref="SourceSequence.TryAssign"/>.</param>
internal readonly record struct SourceMessage(ulong Number, object Payload)
{
    /// <summary>
    /// Set by <see cref="SourceSequence.TakeUnacknowledged"/>: true when the destination may have received the message
    /// (see <see cref="OutstandingMessage.MayHaveArrived"/>), false when it certainly did not.
    /// </summary>
    public bool MayHaveArrived { get; init; }
}
