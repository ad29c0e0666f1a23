using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Server.Hosting;
using WsRm.Protocol.Sequences;

namespace WsRm.Server.Sequences;

/// <summary>
/// An accepted message in its sequence's receive buffer, not yet delivered. It was acknowledged when it was accepted;
/// <see cref="Done"/> completes when the service has run it (with the reply, if any), so that the request waiting for
/// that reply, and any retransmission of it, can answer.
/// </summary>
internal sealed class PendingDelivery(ulong number, SoapMessage message, bool isLastMessage, bool expectsReply)
{
    /// <summary>The message number.</summary>
    public ulong Number { get; } = number;

    /// <summary>The message, kept until it is delivered.</summary>
    public SoapMessage Message { get; } = message;

    /// <summary>WS-RM 1.0's LastMessage: nothing to run, but it ends the reply sequence in its turn.</summary>
    public bool IsLastMessage { get; } = isLastMessage;

    /// <summary>
    /// True when the source waits for an answer on the HTTP response (request-reply operations, unknown actions that
    /// will fault, 1.0 LastMessage on a session with a reply sequence); one-way messages are answered on receipt.
    /// </summary>
    public bool ExpectsReply { get; } = expectsReply;

    /// <summary>
    /// When its delivery ended the session (the service threw), the acknowledgement as it stood then: the answer
    /// carries it rather than the terminated sequence's final one.
    /// </summary>
    public SequenceAcknowledgement? AcknowledgementAtEnd { get; set; }

    /// <summary>
    /// False while a durable session's message is not yet committed to the store: it is not delivered before (a message
    /// that ran must not be one the store may lose). Always true on other endpoints.
    /// </summary>
    public bool Stored { get; set; } = true;

    /// <summary>True once the delivery loop took it from the buffer (it is being, or has been, delivered).</summary>
    public bool Taken { get; set; }

    /// <summary>Completes with the reply (null for one-way messages) once the service has run the message.</summary>
    public TaskCompletionSource<CachedReply?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception reason) => Done.TrySetException(reason);

    /// <summary>
    /// Whether the source of <paramref name="message"/> waits for an answer beyond the acknowledgement: a request-reply
    /// operation, an action the endpoint does not have (its ActionNotSupported fault comes in its turn, as the reply),
    /// or 1.0's LastMessage when there is a reply sequence to end.
    /// </summary>
    public static bool ExpectsReplyFor(ServiceEndpoint endpoint, SoapMessage message, bool isLastMessage, bool hasReplySequence)
    {
        if (isLastMessage) return hasReplySequence;
        return !(message.Action is { } action && endpoint.Dispatcher.TryGetOperation(action, out var operation) && operation.IsOneWay);
    }
}
