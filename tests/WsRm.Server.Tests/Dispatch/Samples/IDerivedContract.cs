using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A contract inheriting <see cref="IBaseContract"/>'s operation.</summary>
[ServiceContract(Namespace = "urn:wsrm:tests:derived")]
public interface IDerivedContract : IBaseContract
{
    [OperationContract] string Where();
}
