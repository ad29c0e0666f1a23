using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>A one-way-only contract in the default namespace.</summary>
[ServiceContract]
public interface INotifications
{
    [OperationContract(IsOneWay = true)] void Notify(string text);

    [OperationContract(IsOneWay = true)] Task NotifyLaterAsync(string text);
}
