using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Names, actions and fault elements set by attributes.</summary>
[ServiceContract(Name = "Custom", Namespace = "http://example.org/custom/")]
public interface ICustomNames
{
    [OperationContract(Name = "Renamed", Action = "urn:custom:do", ReplyAction = "urn:custom:done")]
    [return: MessageParameter(Name = "Outcome")]
    string DoIt(string value);

    [OperationContract, FaultContract(typeof(OrderFault), Name = "Problem", Namespace = "urn:problems")]
    void Fail(string why);
}
