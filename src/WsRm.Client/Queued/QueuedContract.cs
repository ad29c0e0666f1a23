namespace WsRm.Client;

/// <summary>
/// A <c>[ServiceContract]</c> a queued client can carry: every operation one-way, as WCF's queued bindings require
/// (a message that waits in a queue has no caller left to take a reply). Read once per contract.
/// </summary>
internal static class QueuedContract
{
    /// <summary>The contract of <paramref name="contract"/>; throws naming the first operation that is not one-way.</summary>
    public static ClientContract For(Type contract)
    {
        var client = ClientContract.For(contract);
        foreach (var operation in client.Operations.OrderBy(o => o.Model.Method.Name, StringComparer.Ordinal))
        {
            if (operation.Model.IsOneWay) continue;
            throw new InvalidOperationException(
                $"{contract.FullName}.{operation.Model.Method.Name} is not one-way ([OperationContract(IsOneWay = true)]): a queued client sends one-way operations only, as WCF's queued bindings do; call request-reply operations with WsRmChannelFactory.");
        }
        return client;
    }

    /// <summary>The default queue name: <c>{contract's full name}@{address}</c>.</summary>
    public static string DefaultQueueName(Type contract, Uri address) => $"{contract.FullName}@{address.AbsoluteUri}";
}
