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

    [LoggerMessage(110, LogLevel.Information, "The service answered message {Number} of sequence {SequenceId} without acknowledging it (such as HTTP 202): unacknowledged messages stay in the window and acknowledgements are asked for with AckRequested.")]
    public static partial void DestinationAcknowledgesLate(ILogger logger, string? sequenceId, ulong number);

    [LoggerMessage(111, LogLevel.Warning, "Message {Number} of sequence {SequenceId} is unacknowledged after {Transmissions} transmissions, the last one accepted by the service: no more retransmissions; waiting for its acknowledgement (closing fails without it).")]
    public static partial void RetransmissionsSpent(ILogger logger, string? sequenceId, ulong number, int transmissions);

    [LoggerMessage(112, LogLevel.Information, "The service answers AckRequested on sequence {SequenceId} without acknowledgements: closing the sequence to obtain the final acknowledgement of {Count} unacknowledged message(s).")]
    public static partial void ClosingForFinalAcknowledgement(ILogger logger, string? sequenceId, int count);

    [LoggerMessage(113, LogLevel.Debug, "Message {Number} of sequence {SequenceId} was answered without its acknowledgement (transmission {Attempt}); it stays in the window.")]
    public static partial void AnsweredWithoutAcknowledgement(ILogger logger, string? sequenceId, ulong number, int attempt);

    [LoggerMessage(114, LogLevel.Information, "The service answers AckRequested on sequence {SequenceId} without acknowledgements: sending TerminateSequence (WS-RM 1.0 has no CloseSequence), whose answer's acknowledgement must cover {Count} unacknowledged message(s).")]
    public static partial void TerminatingForFinalAcknowledgement(ILogger logger, string? sequenceId, int count);

    [LoggerMessage(115, LogLevel.Debug, "The body of the '{Action}' answering TerminateSequence of sequence {SequenceId} was ignored: {Reason}.")]
    public static partial void TerminateAnswerIgnored(ILogger logger, string? sequenceId, string action, string reason);

    [LoggerMessage(116, LogLevel.Debug, "WS-RM session {SequenceId} suspended: its sequence stays open at the service for a later session to resume.")]
    public static partial void SessionSuspended(ILogger logger, string? sequenceId);

    [LoggerMessage(117, LogLevel.Information, "WS-RM session resumed on sequence {SequenceId} after message {LastNumber}, {Rm}, {Soap}, to {Address}.")]
    public static partial void SessionResumed(ILogger logger, string sequenceId, ulong lastNumber, string rm, string soap, Uri address);
}
