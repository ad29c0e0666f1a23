using System.ServiceModel;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>
/// The sample host's IEchoService as a client sees it, with Task-based operations so that many calls can be in flight
/// on one session without holding threads. Same contract name and namespace, so the same actions and bodies.
/// </summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IEchoService")]
public interface IEchoServiceAsync
{
    /// <summary>Echo(string): request-reply, no side effect.</summary>
    [OperationContract] Task<string> EchoAsync(string text);

    /// <summary>Post(string): one-way; the text is recorded with the message's completion.</summary>
    [OperationContract(IsOneWay = true)] Task PostAsync(string text);

    /// <summary>Received(prefix): the recorded texts starting with prefix, in processing order.</summary>
    [OperationContract] Task<string[]> ReceivedAsync(string prefix);

    /// <summary>Record(text): records the text and returns how many times it is recorded now.</summary>
    [OperationContract] Task<int> RecordAsync(string text);
}
