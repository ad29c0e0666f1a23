using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A sync/Task pair defining one operation, as generated proxies declare them.</summary>
[ServiceContract(Namespace = "urn:wsrm:tests:paired")]
public interface IPairedService
{
    [OperationContract] string Hello(string name);

    [OperationContract] Task<string> HelloAsync(string name);
}
