using System.Xml;
using WsRm.Protocol.Contracts;
using WsRm.Protocol.Faults;
using WsRm.Server.Dispatch;

namespace WsRm.Server.Tests.Dispatch;

/// <summary>The three shapes of <see cref="OperationResult"/>.</summary>
public sealed class OperationResultTests
{
    [Fact]
    public void EachShapeSetsOnlyItsOwnMembers()
    {
        Action<XmlWriter> body = w => w.WriteElementString("x", "y");
        var fault = new SoapFault(FaultCodeKind.Sender, null, "bad");

        OperationResult reply = OperationResult.Reply("urn:reply", body);
        OperationResult faulted = OperationResult.Fault(fault);

        Assert.Equal((false, "urn:reply", body, (SoapFault?)null), (reply.IsOneWay, reply.ReplyAction, reply.WriteBody, reply.FaultValue));
        Assert.Equal((false, (string?)null, (Action<XmlWriter>?)null, fault), (faulted.IsOneWay, faulted.ReplyAction, faulted.WriteBody, faulted.FaultValue));
        Assert.Equal((true, (string?)null, (SoapFault?)null), (OperationResult.OneWay.IsOneWay, OperationResult.OneWay.ReplyAction, OperationResult.OneWay.FaultValue));
    }
}
