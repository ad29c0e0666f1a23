using System.ServiceModel;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>
/// The contract the foreign clients generate from our WSDL: a DataContract in and out, a declared fault, a one-way
/// operation and an array result.
/// </summary>
[ServiceContract(Namespace = "urn:wsrm:interop:orders")]
public interface IOrderDesk
{
    /// <summary>Accepts an order with a positive quantity; otherwise the declared <see cref="OrderRejected"/> fault.</summary>
    [OperationContract]
    [FaultContract(typeof(OrderRejected))]
    OrderReceipt Place(Order order);

    /// <summary>Records a cancellation (one-way).</summary>
    [OperationContract(IsOneWay = true)]
    void Cancel(string orderId);

    /// <summary>The cancellations recorded so far whose id starts with <paramref name="prefix"/>.</summary>
    [OperationContract]
    string[] Cancelled(string prefix);
}
