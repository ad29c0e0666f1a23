using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A base contract with its own name and namespace.</summary>
[ServiceContract(Name = "Base", Namespace = "urn:wsrm:tests:base")]
public interface IBaseContract
{
    [OperationContract] string Who(string asker);
}
