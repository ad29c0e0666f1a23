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

    /// <summary>
    /// Records <paramref name="text"/> as <see cref="Post"/> does and returns how many times it is recorded now, this
    /// call included: 1 for a text never recorded before. A request-reply operation with a side effect, to see
    /// exactly-once processing from outside: on a durable endpoint the text and the reply are committed together, so
    /// a request retransmitted after a crash gets the kept reply (1) and the text is not recorded twice.
    /// </summary>
    [OperationContract] int Record(string text);
}
