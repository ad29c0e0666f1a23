using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;

namespace WsRm.Server.Dispatch;

/// <summary>
/// Turns what went wrong in a call into the SOAP fault WCF's dispatcher would send, so the WCF client raises the same
/// exception it would against a WCF service. Internals (messages, stack traces) leave the server only when the
/// endpoint includes exception details.
/// </summary>
internal static class DispatchFaults
{
    /// <summary>The reason of an unexpected error without exception details.</summary>
    public const string InternalErrorReason = "The server was unable to process the request due to an internal error.";

    private const string DeserializationPrefix = "The formatter threw an exception while trying to deserialize the message: ";

    // Immutable once built and thread-safe: shared by every endpoint.
    private static readonly DataContractSerializer ExceptionDetailSerializer = new(typeof(ExceptionDetail));

    /// <summary>
    /// A fault the service threw on purpose. A declared <c>FaultException&lt;T&gt;</c> carries its detail under the
    /// fault contract's action; anything else goes without detail, since the WCF client could not match it anyway.
    /// The exception's own action, when set, wins (as in WCF).
    /// </summary>
    public static SoapFault FromFaultException(FaultException exception, IReadOnlyList<DeclaredFault> declared)
    {
        DeclaredFault? contract = null;
        foreach (DeclaredFault fault in declared)
        {
            if (!fault.ExceptionType.IsInstanceOfType(exception)) continue;
            contract = fault;
            break;
        }

        (FaultCodeKind code, XmlQualifiedName? subcode, XmlQualifiedName? nested) = MapCode(exception.Code);
        var result = new SoapFault(code, subcode, exception.Reason.GetMatchingTranslation().Text)
        {
            NestedSubcode = nested,
            Action = exception.Action ?? contract?.Action,
        };
        if (contract is null) return result;

        object? detail = contract.GetDetail(exception);
        return result with { WriteDetail = w => contract.Serializer.WriteObject(w, detail) };
    }

    /// <summary>An unexpected exception: WCF's Receiver/InternalServiceFault, with ExceptionDetail when allowed.</summary>
    public static SoapFault InternalError(Exception exception, bool includeExceptionDetail)
        => WithDetail(new SoapFault(FaultCodeKind.Receiver, DispatcherCode("InternalServiceFault"),
            includeExceptionDetail ? exception.Message : InternalErrorReason), exception, includeExceptionDetail);

    /// <summary>A request body that could not be read: WCF's Sender/DeserializationFailed.</summary>
    public static SoapFault DeserializationFailed(string operationName, Exception exception, bool includeExceptionDetail)
    {
        string reason = exception is BodyFormatException
            ? exception.Message
            : $"Error in deserializing body of request message for operation '{operationName}'.";
        Exception? cause = exception is BodyFormatException ? exception.InnerException : exception;
        if (includeExceptionDetail && cause is not null) reason += " " + cause.Message;
        return WithDetail(new SoapFault(FaultCodeKind.Sender, DispatcherCode("DeserializationFailed"), DeserializationPrefix + reason),
            exception, includeExceptionDetail);
    }

    private static SoapFault WithDetail(SoapFault fault, Exception exception, bool includeExceptionDetail)
    {
        // The WCF client raises FaultException<ExceptionDetail> only for WCF's dispatcher fault action.
        fault = fault with { Action = WcfNaming.NetDispatchFaultAction };
        if (!includeExceptionDetail) return fault;
        var detail = new ExceptionDetail(exception);
        return fault with { WriteDetail = w => ExceptionDetailSerializer.WriteObject(w, detail) };
    }

    private static XmlQualifiedName DispatcherCode(string name) => new(name, WcfNaming.NetDispatchNamespace);

    // Sender/Receiver (or SOAP 1.1 Client/Server) map to the code; any other top-level code becomes a Sender subcode.
    private static (FaultCodeKind, XmlQualifiedName?, XmlQualifiedName?) MapCode(FaultCode code)
    {
        bool receiver = code.IsReceiverFault || (code.IsPredefinedFault && code.Name == "Server");
        if (receiver || code.IsSenderFault || (code.IsPredefinedFault && code.Name == "Client"))
        {
            return (receiver ? FaultCodeKind.Receiver : FaultCodeKind.Sender, Name(code.SubCode), Name(code.SubCode?.SubCode));
        }

        return (FaultCodeKind.Sender, Name(code), Name(code.SubCode));
    }

    private static XmlQualifiedName? Name(FaultCode? code) => code is null ? null : new(code.Name, code.Namespace ?? string.Empty);
}
