using System.Globalization;
using System.Xml;
using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Faults;

/// <summary>WS-RM 1.1 §4.5: a message number past the largest the destination accepts.</summary>
public sealed class MessageNumberRolloverFault(string identifier, ulong maxMessageNumber) : WsRmFault(identifier)
{
    /// <summary>The largest number accepted.</summary>
    public ulong MaxMessageNumber { get; } = maxMessageNumber;

    /// <inheritdoc />
    public override string Subcode => "MessageNumberRollover";

    /// <inheritdoc />
    public override string Reason => "The maximum value for wsrm:MessageNumber has been exceeded.";

    /// <inheritdoc />
    public override FaultScope Scope => FaultScope.Message;

    /// <inheritdoc />
    protected override void WriteDetail(XmlWriter writer, RmVersion rm)
    {
        base.WriteDetail(writer, rm);
        if (rm.Is11) writer.WriteElementString("r", "MaxMessageNumber", rm.Namespace, MaxMessageNumber.ToString(CultureInfo.InvariantCulture));
    }
}
