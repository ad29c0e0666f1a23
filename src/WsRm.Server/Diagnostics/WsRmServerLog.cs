using Microsoft.Extensions.Logging;

namespace WsRm.Server.Diagnostics;

/// <summary>The server's log events, with stable ids.</summary>
/// <remarks>Retired ids, never to be used again: 3, 4, 5 and 13 (ends of sequences by cause, now all event 20).</remarks>
internal static partial class WsRmServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Sequence {SequenceId} created on {Endpoint} (WS-RM {RmVersion}, SOAP {SoapVersion}, reply sequence {ReplySequenceId}) for {Client}")]
    public static partial void SequenceCreated(ILogger logger, string sequenceId, string endpoint, string rmVersion, string soapVersion, string? replySequenceId, string client);

    [LoggerMessage(2, LogLevel.Information, "Sequence {SequenceId} closed at message {LastMessageNumber}")]
    public static partial void SequenceClosed(ILogger logger, string sequenceId, ulong? lastMessageNumber);

    [LoggerMessage(6, LogLevel.Warning, "CreateSequence from {Client} refused: {Reason}")]
    public static partial void CreateSequenceRefused(ILogger logger, string client, string reason);

    [LoggerMessage(7, LogLevel.Debug, "Message {MessageNumber} of sequence {SequenceId} rejected: {Fault}")]
    public static partial void MessageFaulted(ILogger logger, string sequenceId, ulong messageNumber, string fault);

    [LoggerMessage(8, LogLevel.Debug, "Request rejected with {Status}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(9, LogLevel.Error, "Service operation {Action} failed")]
    public static partial void OperationFailed(ILogger logger, string action, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "One-way operation {Action} failed: {Reason}")]
    public static partial void OneWayOperationFailed(ILogger logger, string action, string reason, Exception? exception);

    [LoggerMessage(12, LogLevel.Information, "Held request for message {MessageNumber} of sequence {SequenceId} answered early: {Reason}")]
    public static partial void HeldRequestReleased(ILogger logger, string sequenceId, ulong messageNumber, string reason);

    [LoggerMessage(14, LogLevel.Warning, "The store failed for sequence {SequenceId}: {Reason}. Its messages are answered with 503 (the source retransmits) and it is read again from the store on the next one, or by the server once the store answers")]
    public static partial void StoreFailed(ILogger logger, string sequenceId, string reason);

    [LoggerMessage(15, LogLevel.Information, "Sequence {SequenceId} on {Endpoint} recovered from the store with {Buffered} message(s) still to deliver")]
    public static partial void SequenceRecovered(ILogger logger, string sequenceId, string endpoint, int buffered);

    [LoggerMessage(16, LogLevel.Warning, "Queued endpoint {Endpoint}: the store failed: {Reason}; messages taken are taken again after their lease")]
    public static partial void QueueStoreFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(17, LogLevel.Warning, "Queued endpoint {Endpoint}: message {MessageNumber} of sequence {SequenceId} failed (attempt {Attempt}): {Error}")]
    public static partial void QueuedMessageFailed(ILogger logger, string endpoint, string sequenceId, ulong messageNumber, int attempt, string error);

    [LoggerMessage(18, LogLevel.Error, "Queued endpoint {Endpoint}: message {MessageNumber} of sequence {SequenceId} is poison (ReceiveErrorHandling {Handling}): {Error}")]
    public static partial void PoisonMessage(ILogger logger, string endpoint, string sequenceId, ulong messageNumber, string handling, string error);

    [LoggerMessage(19, LogLevel.Information, "Queued endpoint {Endpoint} resumed: no faulting poison message is left")]
    public static partial void QueueResumed(ILogger logger, string endpoint);

    /// <summary>
    /// Every end of a sequence, once: terminated by its source, expired, ended by a fault, by a service failure, or by
    /// the host stopping (in-memory sequences). <paramref name="messages"/> counts the message numbers received
    /// (acknowledged) on it.
    /// </summary>
    [LoggerMessage(20, LogLevel.Information, "Sequence {SequenceId} on {Endpoint} (WS-RM {RmVersion}) ended: {Reason}; {Messages} message(s) received")]
    public static partial void SequenceEnded(ILogger logger, string sequenceId, string endpoint, string rmVersion, string reason, ulong messages);

    [LoggerMessage(10, LogLevel.Debug, "Message {MessageNumber} of sequence {SequenceId} dropped: the receive window is full")]
    public static partial void MessageDropped(ILogger logger, string sequenceId, ulong messageNumber);

    [LoggerMessage(40, LogLevel.Warning, "The host stopped with {Loops} durable delivery loop(s) still running: a message whose service call had not finished is run again after the next start")]
    public static partial void StoppedWithDeliveries(ILogger logger, int loops);
}
