using System.Xml;

namespace WsRm.Client;

/// <summary>The service answered a request with a SOAP fault (an application fault, or a SOAP-level one).</summary>
public sealed class SoapFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SoapFaultException(XmlQualifiedName code, XmlQualifiedName? subcode, string reason, string? action, string? detailXml)
        : base($"The service returned a fault ({subcode ?? code}): {reason}")
    {
        Code = code;
        Subcode = subcode;
        Reason = reason;
        Action = action;
        DetailXml = detailXml;
    }

    /// <summary>The fault code (SOAP 1.2 <c>Code/Value</c>, SOAP 1.1 <c>faultcode</c>).</summary>
    public XmlQualifiedName Code { get; }

    /// <summary>The first subcode (SOAP 1.2), or null.</summary>
    public XmlQualifiedName? Subcode { get; }

    /// <summary>The reason text.</summary>
    public string Reason { get; }

    /// <summary>The fault message's <c>wsa:Action</c>, or null.</summary>
    public string? Action { get; }

    /// <summary>The children of the fault's detail element as XML, or null when there is no detail.</summary>
    public string? DetailXml { get; }

    /// <summary>
    /// True for WCF's <c>InternalServiceFault</c> (the service threw an unexpected exception): a WCF service, and a
    /// WsRm one, end the session after sending it, so a WCF proxy faults its channel on it.
    /// </summary>
    public bool IsInternalServiceFault => IsDispatcherCode(Code) || (Subcode is { } s && IsDispatcherCode(s));

    private static bool IsDispatcherCode(XmlQualifiedName name) =>
        name.Name == "InternalServiceFault" && name.Namespace == "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher";
}
