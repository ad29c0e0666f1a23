using System.ServiceModel;

namespace WsRm.Interop.Tests.Metadata;

/// <summary>The order desk: receipts for positive quantities, the declared fault otherwise, cancellations kept in <see cref="CancelledOrders"/>.</summary>
public sealed class OrderDesk(CancelledOrders cancelled) : IOrderDesk
{
    /// <inheritdoc />
    public OrderReceipt Place(Order order)
    {
        if (order is null || order.Quantity <= 0)
        {
            throw new FaultException<OrderRejected>(new OrderRejected { Reason = $"quantity {order?.Quantity} is not positive" },
                new FaultReason("order rejected"));
        }

        return new OrderReceipt { OrderId = $"{order.Product}-{order.Quantity}", Quantity = order.Quantity };
    }

    /// <inheritdoc />
    public void Cancel(string orderId) => cancelled.Add(orderId);

    /// <inheritdoc />
    public string[] Cancelled(string prefix) => cancelled.StartingWith(prefix);
}
