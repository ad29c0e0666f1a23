using System.ServiceModel;

namespace WsRm.Bench.ClientLoad;

/// <summary>
/// The sample host's IEchoService as the WCF client sees it, with Task-based operations so that many callers can
/// wait without holding threads. Same contract name and namespace, so the same wire format: actions
/// urn:wsrm:samples/IEchoService/Echo and …/Post, bodies &lt;Echo&gt;&lt;text&gt; and &lt;Post&gt;&lt;text&gt;.
/// </summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IEchoService")]
public interface IEchoServiceAsync
{
    /// <summary>Echo(string): request-reply.</summary>
    [OperationContract] Task<string> EchoAsync(string text);

    /// <summary>Post(string): one-way.</summary>
    [OperationContract(IsOneWay = true)] Task PostAsync(string text);
}
