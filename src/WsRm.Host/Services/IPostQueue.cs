using System.ServiceModel;

namespace WsRm.Host.Services;

/// <summary>The sample queued contract served at <c>/queue/post</c>: one-way posts, run by the endpoint's queue consumer.</summary>
[ServiceContract(Namespace = "urn:wsrm:samples")]
public interface IPostQueue
{
    /// <summary>Records <paramref name="text"/> with the other posted texts.</summary>
    [OperationContract(IsOneWay = true)] void Post(string text);
}
