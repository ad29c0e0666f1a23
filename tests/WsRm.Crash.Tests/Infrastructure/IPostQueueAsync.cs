using System.ServiceModel;

namespace WsRm.Crash.Tests.Infrastructure;

/// <summary>The sample host's queued contract (<c>/queue/post</c>) as a client sees it: one-way posts.</summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IPostQueue")]
public interface IPostQueueAsync
{
    /// <summary>Post(string): one-way, acknowledged once it is in the target queue.</summary>
    [OperationContract(IsOneWay = true)] Task PostAsync(string text);
}
