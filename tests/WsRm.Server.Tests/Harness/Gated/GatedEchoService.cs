using System.ServiceModel;
using WsRm.Host.Services;

namespace WsRm.Server.Tests.Harness.Gated;

/// <summary>
/// The sample contract (same actions as WsRm.Host's /echo) with every call passing a <see cref="DeliveryGate"/>. Echo
/// of a text starting with "throw" fails with an unexpected exception, with "fault" with a <c>FaultException</c>.
/// </summary>
public sealed class GatedEchoService(DeliveryGate gate, PostedTexts posted) : IEchoService
{
    public string Echo(string text)
    {
        gate.PassAsync().GetAwaiter().GetResult();
        if (text.StartsWith("throw", StringComparison.Ordinal)) throw new InvalidOperationException("The service failed: " + text);
        if (text.StartsWith("fault", StringComparison.Ordinal)) throw new FaultException("Refused on purpose: " + text);
        return text;
    }

    public void Post(string text)
    {
        gate.PassAsync().GetAwaiter().GetResult();
        posted.Add(text);
    }

    public string[] Received(string prefix) => posted.StartingWith(prefix);

    public int Record(string text)
    {
        gate.PassAsync().GetAwaiter().GetResult();
        posted.Add(text);
        return posted.Count(text);
    }
}
