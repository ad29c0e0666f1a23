using System.Reflection;
using System.ServiceModel;

namespace WsRm.Protocol.Contracts;

/// <summary>Reads one <c>[OperationContract]</c> method into an <see cref="OperationModel"/>, applying WCF's naming defaults.</summary>
internal static class OperationModelBuilder
{
    /// <summary>The model of <paramref name="method"/>, or null when it is not marked <c>[OperationContract]</c>.</summary>
    /// <param name="method">A method of <paramref name="declaring"/>.</param>
    /// <param name="declaring">
    /// The contract declaring the method, which names everything about the operation even when a derived contract is
    /// exposed: WCF describes inherited operations from the base contract alone.
    /// </param>
    public static OperationModel? TryBuild(MethodInfo method, ContractInfo declaring)
    {
        OperationContractAttribute? attribute = method.GetCustomAttribute<OperationContractAttribute>(false);
        if (attribute is null) return null;

        ReturnKind kind = OperationRules.Classify(method.ReturnType, out Type? resultType);
        OperationRules.Validate(method, attribute, kind, resultType);

        // WCF drops "Async" from Task-returning methods so EchoAsync and Echo are the same operation on the wire.
        string logical = kind >= ReturnKind.Task && method.Name.Length > 5 && method.Name.EndsWith("Async", StringComparison.Ordinal)
            ? method.Name[..^5]
            : method.Name;
        string decodedName = string.IsNullOrEmpty(attribute.Name) ? logical : attribute.Name;
        string name = WcfNaming.Encode(decodedName);

        Type[] knownTypes = KnownTypes.Of(declaring.Interface)
            .Concat(KnownTypes.Of(method))
            .Distinct()
            .ToArray();

        return new OperationModel
        {
            Method = method,
            ReturnKind = kind,
            Name = name,
            Action = attribute.Action ?? WcfNaming.DefaultAction(declaring.Namespace, declaring.Name, decodedName),
            ReplyAction = attribute.IsOneWay ? null
                : attribute.ReplyAction ?? WcfNaming.DefaultAction(declaring.Namespace, declaring.Name, decodedName + "Response"),
            IsOneWay = attribute.IsOneWay,
            WrapperNamespace = declaring.Namespace,
            Parameters = BuildParameters(method, declaring.Namespace),
            ReturnPart = attribute.IsOneWay || resultType is null ? null
                : Part(name + "Result", declaring.Namespace, resultType, method.ReturnParameter),
            UseXmlSerializer = OperationRules.UsesXmlSerializer(method, declaring.Interface),
            KnownTypes = knownTypes,
            Faults = BuildFaults(method, declaring, decodedName, knownTypes),
        };
    }

    private static MessagePart[] BuildParameters(MethodInfo method, string ns)
    {
        ParameterInfo[] parameters = method.GetParameters();
        var parts = new MessagePart[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            parts[i] = Part(parameters[i].Name ?? "arg" + i, ns, parameters[i].ParameterType, parameters[i]);
            if (parts.Take(i).Any(p => p.Name == parts[i].Name))
            {
                throw OperationRules.Invalid(method, $"two parameters map to the element name '{parts[i].Name}'");
            }
        }

        return parts;
    }

    // [MessageParameter(Name)] renames the element, on parameters and on the return value alike.
    private static MessagePart Part(string defaultName, string ns, Type type, ParameterInfo parameter)
    {
        string? name = parameter.GetCustomAttribute<MessageParameterAttribute>(false)?.Name;
        return new MessagePart(WcfNaming.Encode(string.IsNullOrEmpty(name) ? defaultName : name), ns, type, parameter);
    }

    private static DeclaredFault[] BuildFaults(MethodInfo method, ContractInfo declaring, string operationName,
        IReadOnlyList<Type> knownTypes)
    {
        DeclaredFault[] faults = method.GetCustomAttributes<FaultContractAttribute>(false)
            .Select(a => DeclaredFault.Create(a, declaring, operationName, knownTypes))
            .ToArray();
        Type? duplicate = faults.GroupBy(f => f.DetailType).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw OperationRules.Invalid(method, $"it declares [FaultContract(typeof({duplicate.Name}))] twice");
        }

        return faults;
    }
}
