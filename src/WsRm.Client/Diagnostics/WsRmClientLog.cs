using Microsoft.Extensions.Logging;

namespace WsRm.Client;

/// <summary>The client's log messages (event ids 100–199).</summary>
internal static partial class WsRmClientLog
{
    [LoggerMessage(100, LogLevel.Information, "WS-RM session opened: sequence {SequenceId}, reply sequence {ReplyId}, {Rm}, {Soap}, to {Address}.")]
    public static partial void SessionOpened(ILogger logger, string sequenceId, string replyId, string rm, string soap, Uri address);

    [LoggerMessage(101, LogLevel.Information, "WS-RM session {SequenceId} closed after {Messages} message(s).")]
    public static partial void SessionClosed(ILogger logger, string? sequenceId, ulong messages);

    [LoggerMessage(102, LogLevel.Warning, "WS-RM session {SequenceId} faulted: {Reason}")]
    public static partial void SessionFaulted(ILogger logger, string? sequenceId, string reason);

    [LoggerMessage(103, LogLevel.Debug, "Retransmitting message {Number} of sequence {SequenceId}.")]
    public static partial void Retransmitting(ILogger logger, string? sequenceId, ulong number);

    [LoggerMessage(104, LogLevel.Debug, "Resending message {Number} of sequence {SequenceId}: acknowledged but its reply was lost.")]
    public static partial void RecoveringReply(ILogger logger, string? sequenceId, ulong number);

    [LoggerMessage(105, LogLevel.Debug, "Transport failure sending {Action} (masked, retried): {Error}")]
    public static partial void TransportFailed(ILogger logger, string action, string error);

    [LoggerMessage(106, LogLevel.Debug, "Sending AckRequested for sequence {SequenceId}.")]
    public static partial void AckRequested(ILogger logger, string? sequenceId);

    [LoggerMessage(107, LogLevel.Debug, "Duplicate reply {Number} dropped.")]
    public static partial void DuplicateReply(ILogger logger, ulong number);

    [LoggerMessage(108, LogLevel.Warning, "WS-RM session {SequenceId} aborted.")]
    public static partial void SessionAborted(ILogger logger, string? sequenceId);

    [LoggerMessage(109, LogLevel.Debug, "Message {Number} of sequence {SequenceId} failed at the transport level ({Error}); retrying at {RetryAt:O}.")]
    public static partial void TransmissionFailed(ILogger logger, string? sequenceId, ulong number, string error, DateTimeOffset retryAt);
}
