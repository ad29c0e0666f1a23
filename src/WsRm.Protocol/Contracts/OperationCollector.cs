using System.Reflection;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// Collects the operations of a contract and the contracts it extends. A synchronous method and a Task-returning
/// method with the same operation name (Echo and EchoAsync, as generated proxies declare them) are one operation, as
/// in WCF: the synchronous method's attributes describe it and the Task method is called.
/// </summary>
internal static class OperationCollector
{
    /// <summary>The operations in declaration order, contract first; throws when two collide.</summary>
    public static IReadOnlyList<OperationModel> Collect(ContractInfo contract)
    {
        var operations = new List<OperationModel>();
        foreach (ContractInfo declaring in ContractResolver.WithInherited(contract))
        {
            const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (MethodInfo method in declaring.Interface.GetMethods(declared))
            {
                if (OperationModelBuilder.TryBuild(method, declaring) is not { } operation) continue;
                int existing = operations.FindIndex(o => o.Name == operation.Name);
                if (existing < 0) operations.Add(operation);
                else operations[existing] = Merge(operations[existing], operation);
            }
        }

        return operations;
    }

    /// <summary>
    /// The operations of every contract served at one address (<see cref="ContractResolver.Resolve"/>), each contract's
    /// in declaration order. Requests there are dispatched by action alone, so an action may belong to one operation
    /// only; an operation reached through two contracts (both extend the contract declaring it) counts once. Throws
    /// <see cref="InvalidOperationException"/> naming both methods, their interfaces and the action when two
    /// operations share an action, within one contract or across contracts, and naming the contract when it has no
    /// operation.
    /// </summary>
    public static IReadOnlyList<OperationModel> CollectAll(IReadOnlyList<ContractInfo> contracts)
    {
        var operations = new List<OperationModel>();
        var byAction = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (ContractInfo contract in contracts)
        {
            IReadOnlyList<OperationModel> collected = Collect(contract);
            if (collected.Count == 0)
            {
                throw new InvalidOperationException($"Contract {contract.Interface.FullName} has no [OperationContract] methods.");
            }

            foreach (OperationModel operation in collected)
            {
                if (byAction.TryGetValue(operation.Action, out OperationModel? existing))
                {
                    if (existing.Method == operation.Method) continue;
                    throw new InvalidOperationException(
                        $"Operations {Describe(existing.Method)} and {Describe(operation.Method)} share the action " +
                        $"'{operation.Action}', so requests with it cannot be dispatched; give one of them its own " +
                        "[OperationContract(Action)], or serve the contracts at different addresses (WsRmServiceOptions.Contract).");
                }

                byAction.Add(operation.Action, operation);
                operations.Add(operation);
            }
        }

        return operations;
    }

    private static OperationModel Merge(OperationModel first, OperationModel second)
    {
        bool firstIsSync = first.ReturnKind <= ReturnKind.Value;
        if (firstIsSync == (second.ReturnKind <= ReturnKind.Value))
        {
            throw new InvalidOperationException(
                $"Methods {Describe(first.Method)} and {Describe(second.Method)} both define operation '{first.Name}'.");
        }

        (OperationModel sync, OperationModel task) = firstIsSync ? (first, second) : (second, first);
        string? mismatch = Mismatch(sync, task);
        if (mismatch is not null)
        {
            throw new InvalidOperationException(
                $"Methods {Describe(sync.Method)} and {Describe(task.Method)} define operation '{sync.Name}' but differ in {mismatch}.");
        }

        return sync with { Method = task.Method, ReturnKind = task.ReturnKind };
    }

    private static string? Mismatch(OperationModel sync, OperationModel task)
    {
        if (!sync.Parameters.Select(p => p.Type).SequenceEqual(task.Parameters.Select(p => p.Type))) return "parameters";
        if (sync.ReturnPart?.Type != task.ReturnPart?.Type) return "result type";
        if (sync.IsOneWay != task.IsOneWay) return "IsOneWay";
        if (sync.Action != task.Action || sync.ReplyAction != task.ReplyAction) return "Action or ReplyAction";
        return task.Faults.Count > 0 ? "[FaultContract] (declare faults on the synchronous method)" : null;
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
