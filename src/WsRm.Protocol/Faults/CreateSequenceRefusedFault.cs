using System.Xml;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.1 §4.6: the destination refuses to create a sequence.</summary>
/// <param name="problem">Why, in words (appended to the spec reason).</param>
/// <param name="connectionLimitReached">True when refused for lack of capacity: WCF's nested <c>netrm:ConnectionLimitReached</c> subcode.</param>
public sealed class CreateSequenceRefusedFault(string problem, bool connectionLimitReached = false) : WsRmFault(null)
{
    /// <summary>Why the sequence was refused.</summary>
    public string Problem { get; } = problem;

    /// <summary>True when refused for lack of capacity.</summary>
    public bool ConnectionLimitReached { get; } = connectionLimitReached;

    /// <inheritdoc />
    public override string Subcode => "CreateSequenceRefused";

    /// <inheritdoc />
    public override FaultCodeKind Code => ConnectionLimitReached ? FaultCodeKind.Receiver : FaultCodeKind.Sender;

    /// <inheritdoc />
    public override string Reason => "The Create Sequence request has been refused by the RM Destination. " + Problem;

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;

    /// <inheritdoc />
    protected override bool IsHeaderFault => false;

    /// <inheritdoc />
    protected override XmlQualifiedName? NestedSubcode =>
        ConnectionLimitReached ? new XmlQualifiedName("ConnectionLimitReached", RmVersion.NetRmNamespace) : null;
}
