using WsRm.Samples.Contracts;
using WsRm.Server;

namespace WsRm.Samples.DurableServer;

public sealed class OrderService(WsRmTransactionAccessor transactions, OrdersTable orders) : IOrders
{
    public void Place(Order order)
    {
        orders.EnsureCreated();
        using var command = transactions.Current!.CreateCommand();   // the store's connection, in its transaction
        command.CommandText = "INSERT INTO orders (id, total) VALUES (@id, @total)";
        OrdersTable.AddParameter(command, "@id", order.Id);
        OrdersTable.AddParameter(command, "@total", order.Total);
        command.ExecuteNonQuery();
    }   // committed with "message done", or not at all

    public int Count() => orders.Count(transactions.Current!);
}
