using System.Collections.Concurrent;
using System.ServiceModel;

namespace WsRm.Server.Tests.Dispatch.Samples;

/// <summary>Implements <see cref="ISampleService"/> and records one-way posts.</summary>
public sealed class SampleService : ISampleService
{
    public const string Namespace = "urn:wsrm:tests";

    public ConcurrentQueue<string> Posted { get; } = new();

    public string? Echo(string? text) => text;

    public string[] Received(string prefix) => Posted.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    public void Post(string text) => Posted.Enqueue(text);

    public async Task<string> EchoLaterAsync(string text)
    {
        await Task.Yield();
        return "later:" + text;
    }

    public async Task PingAsync() => await Task.Yield();

    public int Add(int first, int b) => first + b;

    public Order Place(Order order) => new() { Item = order.Item?.ToUpperInvariant(), Quantity = order.Quantity * 2 };

    public async ValueTask<int> CountAsync(string[] items)
    {
        await Task.Yield();
        return items?.Length ?? -1;
    }

    public void Reject(string reason)
        => throw new FaultException<OrderFault>(new OrderFault { Problem = reason, Code = 42 }, new FaultReason("Order rejected"));

    public string Refuse(string text)
        => throw new FaultException(new FaultReason("Refused: " + text), new FaultCode("Sender", new FaultCode("Refused", "urn:wsrm:tests:codes")), null);

    public string Crash(string text) => throw new InvalidOperationException("secret internals: " + text);
}
