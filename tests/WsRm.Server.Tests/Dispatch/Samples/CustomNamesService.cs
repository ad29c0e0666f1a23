using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="ICustomNames"/>.</summary>
public sealed class CustomNamesService : ICustomNames
{
    public string DoIt(string value) => "done:" + value;

    public void Fail(string why)
        => throw new FaultException<OrderFault>(new OrderFault { Problem = why, Code = 7 }, new FaultReason("Failed"), new FaultCode("Receiver", new FaultCode("Busy", "urn:codes")));
}
