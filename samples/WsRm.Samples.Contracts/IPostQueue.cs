using System.ServiceModel;

namespace WsRm.Samples.Contracts;

[ServiceContract(Namespace = "urn:wsrm:samples")]
public interface IPostQueue { [OperationContract(IsOneWay = true)] void Post(string text); }
