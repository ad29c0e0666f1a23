using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using WsRm.Protocol.Contracts;

namespace WsRm.Server.Dispatch;

/// <summary>
/// The operations of one service class under one <c>[ServiceContract]</c> interface, found by request action. Built
/// once per endpoint when it is mapped, which is when contract errors surface; thread-safe afterwards.
/// </summary>
internal sealed class ServiceDispatcher
{
    // WCF's Action = "*": the operation that receives requests whose action no other operation claims.
    private const string WildcardAction = "*";

    private readonly FrozenDictionary<string, OperationDispatcher> _byAction;
    private readonly OperationDispatcher? _wildcard;

    private ServiceDispatcher(Type serviceType, ContractInfo contract, OperationDispatcher[] operations)
    {
        ServiceType = serviceType;
        ContractType = contract.Interface;
        ContractNamespace = contract.Namespace;
        ContractName = contract.Name;
        Operations = operations;
        HasRequestReplyOperations = operations.Any(o => !o.IsOneWay);
        _byAction = operations.Where(o => o.Action != WildcardAction).ToFrozenDictionary(o => o.Action, StringComparer.Ordinal);
        _wildcard = operations.FirstOrDefault(o => o.Action == WildcardAction);
    }

    /// <summary>The service class.</summary>
    public Type ServiceType { get; }

    /// <summary>The exposed <c>[ServiceContract]</c> interface.</summary>
    public Type ContractType { get; }

    /// <summary><c>[ServiceContract(Namespace)]</c> or <c>http://tempuri.org/</c>.</summary>
    public string ContractNamespace { get; }

    /// <summary><c>[ServiceContract(Name)]</c> or the interface name.</summary>
    public string ContractName { get; }

    /// <summary>False for a contract whose operations are all one-way.</summary>
    public bool HasRequestReplyOperations { get; }

    /// <summary>The operations, in declaration order.</summary>
    public IReadOnlyCollection<OperationDispatcher> Operations { get; }

    /// <summary>
    /// Reads and checks the contract. <paramref name="contractType"/> null means the single <c>[ServiceContract]</c>
    /// interface <paramref name="serviceType"/> implements. Throws <see cref="InvalidOperationException"/> naming the
    /// type and method for contracts that cannot be served.
    /// </summary>
    public static ServiceDispatcher Create(Type serviceType, Type? contractType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ContractInfo contract = ContractResolver.Resolve(serviceType, contractType);
        IReadOnlyList<OperationModel> models = OperationCollector.Collect(contract);
        if (models.Count == 0)
        {
            throw new InvalidOperationException($"Contract {contract.Interface.FullName} has no [OperationContract] methods.");
        }

        var byAction = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (OperationModel model in models)
        {
            if (!byAction.TryAdd(model.Action, model))
            {
                throw new InvalidOperationException(
                    $"Operations {Describe(byAction[model.Action])} and {Describe(model)} of contract " +
                    $"{contract.Interface.FullName} share the action '{model.Action}'.");
            }
        }

        return new ServiceDispatcher(serviceType, contract, models.Select(m => new OperationDispatcher(m)).ToArray());
    }

    /// <summary>The operation for a request action, falling back to an <c>Action = "*"</c> operation if there is one.</summary>
    public bool TryGetOperation(string action, [NotNullWhen(true)] out OperationDispatcher? operation)
    {
        if (action is not null && _byAction.TryGetValue(action, out operation)) return true;
        operation = _wildcard;
        return operation is not null;
    }

    private static string Describe(OperationModel model) => $"{model.Method.DeclaringType?.FullName}.{model.Method.Name}";
}
