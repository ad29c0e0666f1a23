using System.ServiceModel;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>A contract with every method shape a proxy supports; the server implements the same interface.</summary>
[ServiceContract(Namespace = "urn:wsrm:tests:orders")]
public interface IOrderService
{
    /// <summary>Confirms an order; a zero quantity raises the declared fault.</summary>
    [OperationContract, FaultContract(typeof(OrderFault))] Order Place(Order order);

    /// <summary>The Task twin of <see cref="Place"/>: one operation on the wire.</summary>
    [OperationContract] Task<Order> PlaceAsync(Order order);

    /// <summary>A value type result.</summary>
    [OperationContract] int Add(int a, int b);

    /// <summary>Counts calls in this session (per-session instance).</summary>
    [OperationContract] ValueTask<int> NextAsync();

    /// <summary>One-way: records a line in this session's log.</summary>
    [OperationContract(IsOneWay = true)] void Log(string line);

    /// <summary>One-way, Task-returning.</summary>
    [OperationContract(IsOneWay = true)] Task LogLaterAsync(string line);

    /// <summary>The lines logged in this session, in order.</summary>
    [OperationContract] Task<string[]> LinesAsync();

    /// <summary>Void request-reply: completes when the service has run it.</summary>
    [OperationContract] Task ClearAsync();

    /// <summary>Throws an undeclared exception.</summary>
    [OperationContract] void Fail(string message);

    /// <summary>Returns null.</summary>
    [OperationContract] Order? Nothing();
}
