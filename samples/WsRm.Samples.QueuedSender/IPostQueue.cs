using System.ServiceModel;

namespace WsRm.Samples.QueuedSender;

/// <summary>
/// The sample host's queued contract at <c>/queue/post</c>, declared on the sending side as a client declares a
/// service's contract: the same namespace and name, so the action is <c>urn:wsrm:samples/IPostQueue/Post</c>.
/// </summary>
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IPostQueue")]
public interface IPostQueue
{
    /// <summary>Posts <paramref name="text"/>; the host records it once in its store.</summary>
    [OperationContract(IsOneWay = true)] void Post(string text);
}
