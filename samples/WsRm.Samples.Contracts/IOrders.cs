using System.ServiceModel;

namespace WsRm.Samples.Contracts;

[ServiceContract(Namespace = "urn:wsrm:samples")]
public interface IOrders
{
    [OperationContract(IsOneWay = true)] void Place(Order order);
    [OperationContract] int Count();
}
