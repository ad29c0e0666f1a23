using System.Collections.Concurrent;
using System.Reflection;
using WsRm.Protocol.Contracts;

namespace WsRm.Client;

/// <summary>
/// A <c>[ServiceContract]</c> interface read once for proxies: every <c>[OperationContract]</c> method, of the contract
/// and of the contracts it extends, with the same wire names the server derives. A synchronous method and its
/// Task-returning twin (Echo and EchoAsync) share one formatter, as they are one operation on the wire.
/// </summary>
internal sealed class ClientContract
{
    private static readonly ConcurrentDictionary<Type, ClientContract> Cache = new();
    private readonly Dictionary<MethodInfo, ClientOperation> _operations;

    private ClientContract(ContractInfo info, Dictionary<MethodInfo, ClientOperation> operations)
    {
        Info = info;
        _operations = operations;
    }

    public ContractInfo Info { get; }

    public IEnumerable<ClientOperation> Operations => _operations.Values;

    /// <summary>The contract of <paramref name="contract"/>; throws with the reason when it cannot be proxied.</summary>
    public static ClientContract For(Type contract) => Cache.GetOrAdd(contract, Build);

    /// <summary>The operation a proxy method stands for, or null for a method that is not an operation.</summary>
    public ClientOperation? Find(MethodInfo method) => _operations.GetValueOrDefault(method);

    private static ClientContract Build(Type contract)
    {
        ContractInfo info = ContractResolver.ResolveContract(contract);

        // Checks the whole contract the way the server does (names that collide, twins that disagree) up front.
        _ = OperationCollector.Collect(info);

        var models = new List<OperationModel>();
        foreach (ContractInfo declaring in ContractResolver.WithInherited(info))
        {
            const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (MethodInfo method in declaring.Interface.GetMethods(declared))
            {
                if (OperationModelBuilder.TryBuild(method, declaring) is { } model) models.Add(model);
            }
        }

        var operations = new Dictionary<MethodInfo, ClientOperation>();
        foreach (IGrouping<string, OperationModel> twins in models.GroupBy(m => m.Name, StringComparer.Ordinal))
        {
            // Faults are declared on the synchronous twin only; its Task twin raises the same ones.
            IReadOnlyList<DeclaredFault> faults = twins.FirstOrDefault(m => m.Faults.Count > 0)?.Faults ?? [];
            OperationModel first = twins.First() with { Faults = faults };
            IBodyFormatter formatter = first.UseXmlSerializer ? new XmlSerializerBodyFormatter(first) : new DataContractBodyFormatter(first);
            foreach (OperationModel model in twins) operations.Add(model.Method, new ClientOperation(model with { Faults = faults }, formatter));
        }

        return new ClientContract(info, operations);
    }
}
