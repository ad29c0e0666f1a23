using System.ServiceModel;

namespace WsRm.Samples.Contracts;

[ServiceContract(Namespace = "urn:wsrm:samples")]
public interface IEchoService
{
    [OperationContract] string Echo(string text);
    [OperationContract(IsOneWay = true)] void Post(string text);
    [OperationContract] string[] Received(string prefix);
}
