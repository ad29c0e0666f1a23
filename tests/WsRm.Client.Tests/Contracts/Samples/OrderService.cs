using System.ServiceModel;

namespace WsRm.Client.Tests.Contracts.Samples;

/// <summary>The service behind <see cref="IOrderService"/>; one instance per session.</summary>
public sealed class OrderService : IOrderService
{
    private readonly List<string> _lines = [];
    private int _calls;

    public Order Place(Order order)
    {
        if (order.Quantity <= 0)
        {
            throw new FaultException<OrderFault>(new OrderFault { Problem = $"no {order.Item}", Code = 42 }, "Quantity must be positive.");
        }

        return new Order { Item = order.Item, Quantity = order.Quantity, Notes = [.. order.Notes, "confirmed"] };
    }

    public Task<Order> PlaceAsync(Order order) => Task.FromResult(Place(order));

    public int Add(int a, int b) => a + b;

    public ValueTask<int> NextAsync() => new(++_calls);

    public void Log(string line)
    {
        lock (_lines) _lines.Add(line);
    }

    public Task LogLaterAsync(string line)
    {
        Log(line);
        return Task.CompletedTask;
    }

    public Task<string[]> LinesAsync()
    {
        lock (_lines) return Task.FromResult(_lines.ToArray());
    }

    public Task ClearAsync()
    {
        lock (_lines) _lines.Clear();
        return Task.CompletedTask;
    }

    public void Fail(string message) => throw new InvalidOperationException(message);

    public Order? Nothing() => null;
}
