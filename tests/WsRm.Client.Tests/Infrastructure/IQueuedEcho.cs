using System.ServiceModel;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>The one-way half of the sample IEchoService (same namespace, name and actions), for queued clients.</summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IEchoService")]
public interface IQueuedEcho
{
    /// <summary>The service records the text.</summary>
    [OperationContract(IsOneWay = true)] void Post(string text);

    /// <summary>The Task twin of <see cref="Post"/>: one operation on the wire.</summary>
    [OperationContract(IsOneWay = true)] Task PostAsync(string text);
}
