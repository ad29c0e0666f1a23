using System.ServiceModel;

namespace WsRm.Host.Services;

/// <summary>The sample contract served at <c>/echo</c> (reliable) and <c>/plain/echo</c> (plain).</summary>
[ServiceContract(Namespace = "urn:wsrm:samples")]
public interface IEchoService
{
    /// <summary>Returns <paramref name="text"/>.</summary>
    [OperationContract] string Echo(string text);

    /// <summary>Records <paramref name="text"/> in the shared store.</summary>
    [OperationContract(IsOneWay = true)] void Post(string text);

    /// <summary>The texts given to Post (in any session) that start with prefix, in the order the service processed them.</summary>
    [OperationContract] string[] Received(string prefix);
}
