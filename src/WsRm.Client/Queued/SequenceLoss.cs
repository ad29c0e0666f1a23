using System.Globalization;
using WsRm.Storage;

namespace WsRm.Client;

/// <summary>
/// What becomes of the messages numbered on a sequence the transmission queue can no longer use (the destination
/// forgot or ended it, or the queue gave it up), following <see cref="WsRmQueuedClientOptions.ExactlyOnce"/>: a message
/// that certainly did not arrive is sent again on a new sequence; one that may have arrived goes to the dead-letter
/// queue under ExactlyOnce, else is sent again too. No I/O.
/// </summary>
internal static class SequenceLoss
{
    /// <summary>
    /// The row to write for <paramref name="message"/>, numbered on the lost sequence: back to unnumbered (sent again on
    /// the next sequence, <paramref name="why"/> as its last error) or dead with the reason.
    /// </summary>
    /// <param name="message">The message as stored (SequenceId and Number set).</param>
    /// <param name="mayHaveArrived">False only when every transmission of it certainly failed to arrive.</param>
    /// <param name="exactlyOnce">The queue's <see cref="WsRmQueuedClientOptions.ExactlyOnce"/>.</param>
    /// <param name="why">Why the sequence is lost, a sentence.</param>
    /// <param name="now">The time of the decision.</param>
    public static OutboxMessage Decide(OutboxMessage message, bool mayHaveArrived, bool exactlyOnce, string why, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (mayHaveArrived && exactlyOnce)
        {
            return message with
            {
                State = OutboxState.Dead,
                DeadAt = now,
                LastError = why,
                DeadReason = string.Create(CultureInfo.InvariantCulture,
                    $"It was sent as message {message.Number} of sequence {message.SequenceId} and not acknowledged, and that sequence is lost: {why} It may have been received, so it is not sent again (ExactlyOnce); requeue it to send it on a new sequence."),
            };
        }
        return Unnumbered(message, why);
    }

    /// <summary>The message back to unnumbered, to be sent on the next sequence; <paramref name="why"/> is kept as its last error.</summary>
    public static OutboxMessage Unnumbered(OutboxMessage message, string? why) =>
        message with { SequenceId = null, Number = null, LastError = why ?? message.LastError };
}
