using System.ServiceModel;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>A contract with only one-way operations: the WCF client opens a sequence without an Offer.</summary>
[ServiceContract(Namespace = "urn:wsrm:interop")]
public interface IOneWayLog
{
    /// <summary>Appends <paramref name="text"/> to the <see cref="LoggedTexts"/> store.</summary>
    [OperationContract(IsOneWay = true)] void Log(string text);
}
