using System.ServiceModel;

namespace WsRm.Interop.Tests.Contracts;

/// <summary>
/// The client's task-based view of the sample <c>IEchoService</c> (same contract name and namespace, so the same
/// actions; its request-reply operation makes WCF offer a reply sequence), for many concurrent callers on one channel.
/// </summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IEchoService")]
public interface IEchoServiceAsync
{
    /// <summary>Returns <paramref name="text"/>.</summary>
    [OperationContract] Task<string> EchoAsync(string text);

    /// <summary>Sends <paramref name="text"/> one-way; completes when the reliable channel has it acknowledged.</summary>
    [OperationContract(IsOneWay = true)] Task PostAsync(string text);
}
