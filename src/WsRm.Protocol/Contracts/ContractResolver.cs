using System.Reflection;
using System.ServiceModel;

namespace WsRm.Protocol.Contracts;

/// <summary>Finds the contract interfaces a service exposes, and the contracts they inherit operations from.</summary>
internal static class ContractResolver
{
    /// <summary>
    /// The contracts a service exposes at one address, ordered by interface name: <paramref name="contractType"/>
    /// alone when given (checked), otherwise every <c>[ServiceContract]</c> interface <paramref name="serviceType"/>
    /// implements, except one that another implemented contract extends (its operations come with the extending
    /// contract). WCF serves such a class with one endpoint per contract, and several endpoints may share an address,
    /// requests being told apart by action. Throws <see cref="InvalidOperationException"/> naming the type when the
    /// service is not a closed class, implements no contract, or does not implement <paramref name="contractType"/>.
    /// </summary>
    public static IReadOnlyList<ContractInfo> Resolve(Type serviceType, Type? contractType)
    {
        if (!serviceType.IsClass || serviceType.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"Service type {serviceType.FullName} must be a closed class type.");
        }

        if (contractType is null) return [.. FindContracts(serviceType).Select(Describe)];

        ContractInfo info = ResolveContract(contractType);
        if (!contractType.IsAssignableFrom(serviceType))
        {
            throw new InvalidOperationException(
                $"Service type {serviceType.FullName} does not implement contract {contractType.FullName}.");
        }

        return [info];
    }

    /// <summary>A contract interface on its own, as a client proxies it; throws when it is not a [ServiceContract] interface.</summary>
    public static ContractInfo ResolveContract(Type contract)
    {
        if (!contract.IsInterface || !contract.IsDefined(typeof(ServiceContractAttribute), false))
        {
            throw new InvalidOperationException(
                $"Contract type {contract.FullName} must be an interface marked [ServiceContract].");
        }

        return Describe(contract);
    }

    /// <summary>The contract and every <c>[ServiceContract]</c> interface it extends, the contract first.</summary>
    public static IEnumerable<ContractInfo> WithInherited(ContractInfo contract)
    {
        yield return contract;
        foreach (Type inherited in contract.Interface.GetInterfaces())
        {
            // As in WCF, operations of a base interface count only when that interface is itself a contract.
            if (inherited.IsDefined(typeof(ServiceContractAttribute), false)) yield return Describe(inherited);
        }
    }

    private static ContractInfo Describe(Type contract)
    {
        ServiceContractAttribute attribute = contract.GetCustomAttribute<ServiceContractAttribute>(false)!;
        if (attribute.CallbackContract is not null)
        {
            throw new InvalidOperationException(
                $"Contract {contract.FullName} has a CallbackContract; duplex contracts are not supported.");
        }

        string name = WcfNaming.Encode(attribute.Name ?? WcfNaming.TypeName(contract));
        return new ContractInfo(contract, name, attribute.Namespace ?? WcfNaming.DefaultNamespace);
    }

    // GetInterfaces lists an interface once however many times the class hierarchy declares it.
    private static IEnumerable<Type> FindContracts(Type serviceType)
    {
        Type[] contracts = serviceType.GetInterfaces()
            .Where(i => i.IsDefined(typeof(ServiceContractAttribute), false))
            .ToArray();
        if (contracts.Length == 0)
        {
            throw new InvalidOperationException(
                $"Service type {serviceType.FullName} implements no interface marked [ServiceContract].");
        }

        return contracts
            .Where(c => !contracts.Any(o => o != c && c.IsAssignableFrom(o)))
            .OrderBy(c => c.FullName, StringComparer.Ordinal);
    }
}
