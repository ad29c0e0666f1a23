using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Protocol.Faults;

/// <summary>
/// A WS-RM fault (WS-RM 1.1 §4, 1.0 §4): one sealed type per fault of the spec. Converted to a SOAP fault for the
/// version of the message it answers.
/// </summary>
public abstract class WsRmFault
{
    private protected WsRmFault(string? identifier) => Identifier = identifier;

    /// <summary>The sequence concerned, when there is one.</summary>
    public string? Identifier { get; }

    /// <summary>The subcode's local name (in the RM namespace).</summary>
    public abstract string Subcode { get; }

    /// <summary>Sender or Receiver.</summary>
    public virtual FaultCodeKind Code => FaultCodeKind.Sender;

    /// <summary>The spec's [Reason] text.</summary>
    public abstract string Reason { get; }

    /// <summary>Whether the fault ends the sequence.</summary>
    public abstract FaultScope Scope { get; }

    /// <summary>
    /// True for faults raised while processing an RM header of an existing sequence; under SOAP 1.1 they travel in a
    /// <c>wsrm:SequenceFault</c> header. CreateSequenceRefused and WSRMRequired are not.
    /// </summary>
    protected virtual bool IsHeaderFault => true;

    /// <summary>Writes the [Detail] children, or nothing.</summary>
    protected virtual void WriteDetail(XmlWriter writer, RmVersion rm)
    {
        if (Identifier is not null) writer.WriteElementString("r", "Identifier", rm.Namespace, Identifier);
    }

    /// <summary>Whether the fault carries a [Detail].</summary>
    protected virtual bool HasDetail => Identifier is not null;

    /// <summary>The nested WCF subcode, if any (SOAP 1.2 only).</summary>
    protected virtual XmlQualifiedName? NestedSubcode => null;

    /// <summary>The SOAP fault for a message of the given versions.</summary>
    public SoapFault ToSoapFault(RmVersion rm, SoapVersion soap, Addressing.AddressingVersion? wsa)
    {
        var header = IsHeaderFault && soap == SoapVersion.Soap11;
        return new SoapFault(Code, new XmlQualifiedName(Subcode, rm.Namespace), Reason)
        {
            NestedSubcode = soap == SoapVersion.Soap12 ? NestedSubcode : null,
            Action = rm.Is11 ? rm.FaultAction : wsa?.FaultAction,
            WriteDetail = HasDetail ? w => WriteDetail(w, rm) : null,
            SequenceFaultHeader = header ? rm.Namespace : null,
            SequenceFaultDetailWrapped = header && rm.Is11,
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Subcode}: {Reason}" + (Identifier is null ? "" : $" ({Identifier})");
}
