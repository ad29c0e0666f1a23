using System.Xml;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Client;

/// <summary>A SOAP fault as read from a response, in either SOAP version.</summary>
internal sealed record ReceivedFault(XmlQualifiedName Code, XmlQualifiedName? Subcode, string Reason, string? DetailXml, string? Action)
{
    /// <summary>The WS-RM subcode (from the 1.2 subcode, the 1.1 faultcode, or the SequenceFault header), or null.</summary>
    public XmlQualifiedName? RmSubcode { get; init; }

    /// <summary>The wsrm:Identifier found in the detail, or null.</summary>
    public string? Identifier { get; init; }

    /// <summary>True for a WS-RM fault.</summary>
    public bool IsRmFault => RmSubcode is not null;

    /// <summary>The exception for callers.</summary>
    public Exception ToException() => RmSubcode is { } rm
        ? new WsRmFaultException(rm.Name, Code.Name, Reason, Identifier)
        : new SoapFaultException(Code, Subcode, Reason, Action, DetailXml);

    /// <summary>True when <paramref name="name"/> is in a WS-RM namespace.</summary>
    public static bool IsRmName(XmlQualifiedName? name) => name is not null && RmVersion.FromNamespace(name.Namespace) is not null;
}
