using System.Reflection;

namespace WsRm.Client;

/// <summary>
/// The typed proxy of a queued client: <see cref="DispatchProxy"/> generates a class implementing the contract on top
/// of this one; each one-way call renders its body with the contract's formatter and commits it to the transmission
/// queue, and returns (or completes its task) once that commit is durable.
/// </summary>
/// <remarks>Public and unsealed only because <see cref="DispatchProxy"/> derives from it; not meant to be used directly.</remarks>
public class QueuedChannelProxy : DispatchProxy
{
    private ClientContract _contract = null!;
    private OutboxWriter _outbox = null!;

    internal void Initialize(ClientContract contract, OutboxWriter outbox)
    {
        _contract = contract;
        _outbox = outbox;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var operation = _contract.Find(targetMethod)
            ?? throw new NotSupportedException(
                $"{targetMethod.DeclaringType?.FullName}.{targetMethod.Name} is not an [OperationContract] of {_contract.Info.Interface.FullName}.");
        return operation.Return(_outbox.EnqueueAsync(operation, args ?? []));
    }
}
