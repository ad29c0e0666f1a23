using System.ServiceModel;

namespace WsRm.Server.Tests.Hosting;

/// <summary>A counter whose value shows which service instance answered.</summary>
[ServiceContract(Namespace = CounterNames.Namespace)]
public interface ICounter
{
    /// <summary>Adds one to this instance's count and returns it.</summary>
    [OperationContract]
    int Increment();
}
