using System.Xml;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.1 §4.4: an acknowledgement that breaks the invariants, e.g. acknowledging messages never sent.</summary>
public sealed class InvalidAcknowledgementFault(SequenceAcknowledgement acknowledgement) : WsRmFault(acknowledgement.Identifier)
{
    /// <summary>The offending acknowledgement.</summary>
    public SequenceAcknowledgement Acknowledgement { get; } = acknowledgement;

    /// <inheritdoc />
    public override string Subcode => "InvalidAcknowledgement";

    /// <inheritdoc />
    public override string Reason => "The SequenceAcknowledgement violates the cumulative Acknowledgement invariant.";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;

    /// <inheritdoc />
    protected override void WriteDetail(XmlWriter writer, RmVersion rm)
    {
        writer.WriteStartElement("r", "SequenceAcknowledgement", rm.Namespace);
        RmHeaderWriter.WriteAcknowledgementContent(writer, rm, Acknowledgement with { BufferRemaining = null, Final = false });
        writer.WriteEndElement();
    }
}
