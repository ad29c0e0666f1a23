using System.Reflection;
using System.ServiceModel;

namespace WsRm.Protocol.Contracts;

/// <summary>Finds the contract interface a service exposes, and the contracts it inherits operations from.</summary>
internal static class ContractResolver
{
    /// <summary>
    /// <paramref name="contractType"/> checked, or when null the one <c>[ServiceContract]</c> interface
    /// <paramref name="serviceType"/> implements (a contract that another implemented contract extends does not count).
    /// </summary>
    public static ContractInfo Resolve(Type serviceType, Type? contractType)
    {
        if (!serviceType.IsClass || serviceType.ContainsGenericParameters)
        {
            throw new InvalidOperationException($"Service type {serviceType.FullName} must be a closed class type.");
        }

        Type contract = contractType ?? FindSingleContract(serviceType);
        ContractInfo info = ResolveContract(contract);
        if (!contract.IsAssignableFrom(serviceType))
        {
            throw new InvalidOperationException(
                $"Service type {serviceType.FullName} does not implement contract {contract.FullName}.");
        }

        return info;
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

    private static Type FindSingleContract(Type serviceType)
    {
        Type[] contracts = serviceType.GetInterfaces()
            .Where(i => i.IsDefined(typeof(ServiceContractAttribute), false))
            .ToArray();
        Type[] outermost = contracts.Where(c => !contracts.Any(o => o != c && c.IsAssignableFrom(o))).ToArray();
        return outermost.Length switch
        {
            1 => outermost[0],
            0 => throw new InvalidOperationException(
                $"Service type {serviceType.FullName} implements no interface marked [ServiceContract]."),
            _ => throw new InvalidOperationException(
                $"Service type {serviceType.FullName} implements several [ServiceContract] interfaces " +
                $"({string.Join(", ", outermost.Select(c => c.FullName))}); name the one to expose."),
        };
    }
}
