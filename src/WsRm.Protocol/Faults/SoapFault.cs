using System.Xml;

namespace WsRm.Protocol.Faults;

/// <summary>
/// A SOAP fault independent of the SOAP version: the fault writer shapes it for 1.1 or 1.2.
/// </summary>
public sealed record SoapFault
{
    /// <summary>Creates a fault.</summary>
    public SoapFault(FaultCodeKind code, XmlQualifiedName? subcode, string reason)
    {
        Code = code;
        Subcode = subcode;
        Reason = reason;
    }

    /// <summary>Sender or Receiver.</summary>
    public FaultCodeKind Code { get; }

    /// <summary>The subcode (SOAP 1.2 <c>Subcode/Value</c>; SOAP 1.1 <c>faultcode</c> unless <see cref="SequenceFaultHeader"/> is set).</summary>
    public XmlQualifiedName? Subcode { get; }

    /// <summary>A nested subcode under <see cref="Subcode"/> (SOAP 1.2 only), such as WCF's <c>netrm:ConnectionLimitReached</c>.</summary>
    public XmlQualifiedName? NestedSubcode { get; init; }

    /// <summary>The reason text (English).</summary>
    public string Reason { get; }

    /// <summary>The wsa:Action of the fault message; null for the addressing version's default fault action.</summary>
    public string? Action { get; init; }

    /// <summary>Writes the children of the detail element; null for no detail.</summary>
    public Action<XmlWriter>? WriteDetail { get; init; }

    /// <summary>
    /// For WS-RM faults about a header under SOAP 1.1: the RM namespace of the <c>wsrm:SequenceFault</c> header that
    /// carries the subcode (SOAP 1.1 has no subcodes). Null for other faults.
    /// </summary>
    public string? SequenceFaultHeader { get; init; }

    /// <summary>For a MustUnderstand fault: the header not understood, named in SOAP 1.2's <c>NotUnderstood</c> header block.</summary>
    public XmlQualifiedName? NotUnderstood { get; init; }

    /// <summary>True when RM 1.1's SequenceFault puts the detail in a <c>wsrm:Detail</c> child (1.0 puts it inline).</summary>
    public bool SequenceFaultDetailWrapped { get; init; }

    /// <summary>
    /// HTTP status of a response carrying a fault: 500 for both codes, as SOAP 1.1 requires and WCF sends; the WCF client
    /// reads a SOAP fault only from a 2xx or 500 response.
    /// </summary>
    public const int HttpStatus = 500;
}
