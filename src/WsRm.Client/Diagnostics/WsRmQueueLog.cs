using Microsoft.Extensions.Logging;

namespace WsRm.Client;

/// <summary>The transmission queue's log messages (event ids 200–219), category <c>WsRm.Client.Queue.{queue}</c>.</summary>
internal static partial class WsRmQueueLog
{
    [LoggerMessage(200, LogLevel.Information, "Transmission queue {Queue} forwarding to {Address}.")]
    public static partial void Started(ILogger logger, string queue, Uri address);

    [LoggerMessage(201, LogLevel.Information, "Transmission queue {Queue} stopped; its sequence stays open for the next start.")]
    public static partial void Stopped(ILogger logger, string queue);

    [LoggerMessage(202, LogLevel.Information, "Transmission queue {Queue} created sequence {SequenceId}.")]
    public static partial void SequenceCreated(ILogger logger, string queue, string sequenceId);

    [LoggerMessage(203, LogLevel.Information, "Transmission queue {Queue} sends {Count} message(s) again on sequence {SequenceId} with their numbers.")]
    public static partial void Restored(ILogger logger, string queue, string sequenceId, int count);

    [LoggerMessage(204, LogLevel.Warning, "Transmission queue {Queue} cannot deliver ({Error}); its messages wait, next try in {Delay}.")]
    public static partial void Unreachable(ILogger logger, string queue, string error, TimeSpan delay);

    [LoggerMessage(205, LogLevel.Debug, "Transmission queue {Queue} still cannot deliver after {Failures} tries ({Error}); next try in {Delay}.")]
    public static partial void StillUnreachable(ILogger logger, string queue, int failures, string error, TimeSpan delay);

    [LoggerMessage(206, LogLevel.Warning, "Transmission queue {Queue} lost sequence {SequenceId}: {Reason} {DeadLettered} message(s) to the dead-letter queue (ExactlyOnce), {Resent} to be sent on a new sequence.")]
    public static partial void SequenceLost(ILogger logger, string queue, string sequenceId, string reason, int deadLettered, int resent);

    [LoggerMessage(207, LogLevel.Warning, "Transmission queue {Queue}: the destination refused delivery ({Refusals} of {MaxRefusals}): {Error}; next try in {Delay}.")]
    public static partial void Refused(ILogger logger, string queue, int refusals, int maxRefusals, string error, TimeSpan delay);

    [LoggerMessage(208, LogLevel.Warning, "Transmission queue {Queue} moved {Count} undeliverable message(s) to its dead-letter queue: {Reason}")]
    public static partial void Undeliverable(ILogger logger, string queue, int count, string reason);

    [LoggerMessage(209, LogLevel.Warning, "Transmission queue {Queue} moved {Count} message(s) whose TimeToLive passed to its dead-letter queue.")]
    public static partial void Expired(ILogger logger, string queue, int count);

    [LoggerMessage(210, LogLevel.Warning, "Transmission queue {Queue}: the store failed ({Error}); next try in {Delay}.")]
    public static partial void StoreFailed(ILogger logger, string queue, string error, TimeSpan delay);

    [LoggerMessage(211, LogLevel.Warning, "Transmission queue {Queue}: its sequence was changed by another writer (is a second forwarder running on this queue?); reading it again.")]
    public static partial void Conflict(ILogger logger, string queue);

    [LoggerMessage(212, LogLevel.Error, "Transmission queue {Queue} failed unexpectedly; next try in {Delay}.")]
    public static partial void Failed(ILogger logger, string queue, TimeSpan delay, Exception exception);

    [LoggerMessage(213, LogLevel.Warning, "Transmission queue {Queue} gives up sequence {SequenceId}: {Reason}")]
    public static partial void SequenceGivenUp(ILogger logger, string queue, string sequenceId, string reason);
}
