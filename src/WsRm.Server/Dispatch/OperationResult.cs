using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;

namespace WsRm.Server.Dispatch;

/// <summary>The outcome of one call: exactly one of a completed one-way call, a reply, or a fault.</summary>
internal sealed class OperationResult
{
    private OperationResult(bool isOneWay, string? replyAction, Action<XmlWriter>? writeBody, SoapFault? fault, Exception? exception,
        bool serviceFailed = false, bool failed = false)
    {
        ServiceFailed = serviceFailed;
        Failed = failed || fault is not null || serviceFailed;
        IsOneWay = isOneWay;
        ReplyAction = replyAction;
        WriteBody = writeBody;
        FaultValue = fault;
        Exception = exception;
    }

    /// <summary>A one-way operation completed; nothing is sent back.</summary>
    public static OperationResult OneWay { get; } = new(true, null, null, null, null);

    /// <summary>True for <see cref="OneWay"/>.</summary>
    public bool IsOneWay { get; }

    /// <summary>The reply's action; set for replies only.</summary>
    public string? ReplyAction { get; }

    /// <summary>
    /// Writes the reply body's child element(s); set for replies only. The result is serialized while this runs, so it
    /// can throw (a SerializationException for a result the serializer cannot write).
    /// </summary>
    public Action<XmlWriter>? WriteBody { get; }

    /// <summary>The fault to send; set for faults only (for a one-way operation the caller may only log it).</summary>
    public SoapFault? FaultValue { get; }

    /// <summary>For a fault caused by an unexpected or deserialization error, the exception, for the caller to log.</summary>
    public Exception? Exception { get; }

    /// <summary>
    /// True when the service itself threw something other than a <c>FaultException</c>: WCF faults a sessionful
    /// channel then, so a reliable session ends after this fault is sent.
    /// </summary>
    public bool ServiceFailed { get; }

    /// <summary>
    /// True when the call did not complete normally: a fault (declared or not), a request that could not be read, the
    /// service's exception. Kept for a one-way operation's failure, which sends nothing (<see cref="OneWayFailure"/>).
    /// </summary>
    public bool Failed { get; }

    /// <summary>
    /// A one-way operation that failed (<paramref name="failure"/>'s fault): nothing is sent back, but <see cref="Failed"/>,
    /// <see cref="ServiceFailed"/> and the exception stay, so that a durable delivery rolls back the service's writes and
    /// tells the store's failure from the service's.
    /// </summary>
    public static OperationResult OneWayFailure(OperationResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(true, null, null, null, failure.Exception, failure.ServiceFailed, failed: true);
    }

    /// <summary>A reply with the given action and body.</summary>
    public static OperationResult Reply(string action, Action<XmlWriter> writeBody)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(writeBody);
        return new(false, action, writeBody, null, null);
    }

    /// <summary>A fault.</summary>
    public static OperationResult Fault(SoapFault fault) => Fault(fault, null);

    /// <summary>An unexpected exception thrown by the service (see <see cref="ServiceFailed"/>).</summary>
    public static OperationResult ServiceFailure(SoapFault fault, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(exception);
        return new(false, null, null, fault, exception, serviceFailed: true);
    }

    /// <summary>A fault caused by <paramref name="exception"/>, kept for logging.</summary>
    public static OperationResult Fault(SoapFault fault, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new(false, null, null, fault, exception);
    }
}
