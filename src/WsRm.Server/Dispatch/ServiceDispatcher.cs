using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using WsRm.Protocol.Contracts;

namespace WsRm.Server.Dispatch;

/// <summary>
/// The operations of one service class under the <c>[ServiceContract]</c> interfaces it is served with at one address,
/// found by request action. Built once per endpoint when it is mapped, which is when contract errors surface;
/// thread-safe afterwards.
/// </summary>
internal sealed class ServiceDispatcher
{
    // WCF's Action = "*": the operation that receives requests whose action no other operation claims.
    private const string WildcardAction = "*";

    private readonly FrozenDictionary<string, OperationDispatcher> _byAction;
    private readonly OperationDispatcher? _wildcard;

    private ServiceDispatcher(Type serviceType, IReadOnlyList<ContractInfo> contracts, OperationDispatcher[] operations)
    {
        ServiceType = serviceType;
        Contracts = contracts;
        Operations = operations;
        HasRequestReplyOperations = operations.Any(o => !o.IsOneWay);
        _byAction = operations.Where(o => o.Action != WildcardAction).ToFrozenDictionary(o => o.Action, StringComparer.Ordinal);
        _wildcard = operations.FirstOrDefault(o => o.Action == WildcardAction);
    }

    /// <summary>The service class.</summary>
    public Type ServiceType { get; }

    /// <summary>
    /// The exposed <c>[ServiceContract]</c> interfaces with their WCF names and namespaces, ordered by interface name;
    /// one unless the service implements several and none was chosen.
    /// </summary>
    public IReadOnlyList<ContractInfo> Contracts { get; }

    /// <summary>The contract names, comma-separated: what the endpoint's display name shows.</summary>
    public string ContractNames => string.Join(", ", Contracts.Select(c => c.Name));

    /// <summary>False when every operation is one-way.</summary>
    public bool HasRequestReplyOperations { get; }

    /// <summary>The operations: each contract's in declaration order, contracts in <see cref="Contracts"/> order.</summary>
    public IReadOnlyCollection<OperationDispatcher> Operations { get; }

    /// <summary>
    /// Reads and checks the contracts. <paramref name="contractType"/> null means every <c>[ServiceContract]</c>
    /// interface <paramref name="serviceType"/> implements (see <see cref="ContractResolver.Resolve"/>). Throws
    /// <see cref="InvalidOperationException"/> naming the type and method for contracts that cannot be served, and
    /// naming both methods and the action when two operations share an action.
    /// </summary>
    public static ServiceDispatcher Create(Type serviceType, Type? contractType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        IReadOnlyList<ContractInfo> contracts = ContractResolver.Resolve(serviceType, contractType);
        IReadOnlyList<OperationModel> models = OperationCollector.CollectAll(contracts);
        return new ServiceDispatcher(serviceType, contracts, models.Select(m => new OperationDispatcher(m)).ToArray());
    }

    /// <summary>The operation for a request action, falling back to an <c>Action = "*"</c> operation if there is one.</summary>
    public bool TryGetOperation(string action, [NotNullWhen(true)] out OperationDispatcher? operation)
    {
        if (action is not null && _byAction.TryGetValue(action, out operation)) return true;
        operation = _wildcard;
        return operation is not null;
    }
}
