using System.IO;
using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The method shapes the dispatcher supports, checked once when the endpoint is mapped so a bad contract fails at
/// startup with the method's name rather than on the first request.
/// </summary>
internal static class OperationRules
{
    /// <summary>The return shape of a method; <paramref name="resultType"/> is null for void, Task and ValueTask.</summary>
    public static ReturnKind Classify(Type returnType, out Type? resultType)
    {
        resultType = null;
        if (returnType == typeof(void)) return ReturnKind.Void;
        if (returnType == typeof(Task)) return ReturnKind.Task;
        if (returnType == typeof(ValueTask)) return ReturnKind.ValueTask;
        Type? definition = returnType.IsGenericType ? returnType.GetGenericTypeDefinition() : null;
        resultType = definition == typeof(Task<>) || definition == typeof(ValueTask<>) ? returnType.GenericTypeArguments[0] : returnType;
        return definition == typeof(Task<>) ? ReturnKind.TaskOfT
            : definition == typeof(ValueTask<>) ? ReturnKind.ValueTaskOfT
            : ReturnKind.Value;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the method when its shape is not supported.</summary>
    public static void Validate(MethodInfo method, OperationContractAttribute attribute, ReturnKind kind, Type? resultType)
    {
        if (method.IsStatic) throw Invalid(method, "static interface members cannot be operations");
        if (method.ContainsGenericParameters) throw Invalid(method, "generic methods are not supported");
        if (attribute.AsyncPattern) throw Invalid(method, "the Begin/End async pattern is not supported; return Task instead");
        if (attribute.ReplyAction == "*") throw Invalid(method, "ReplyAction \"*\" is not supported");

        foreach (ParameterInfo parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef)
            {
                throw Invalid(method, $"out, ref and in parameters are not supported (parameter '{parameter.Name}')");
            }

            CheckType(method, parameter.ParameterType);
        }

        if (resultType is not null) CheckType(method, resultType);
        if (attribute.IsOneWay) ValidateOneWay(method, attribute, resultType);
        CheckFormat(method, method);
        CheckFormat(method, method.DeclaringType!);
    }

    /// <summary>True when <c>[XmlSerializerFormat]</c> applies: the method's format attribute wins over the contract's.</summary>
    public static bool UsesXmlSerializer(MethodInfo method, Type contract)
    {
        if (method.IsDefined(typeof(XmlSerializerFormatAttribute), false)) return true;
        if (method.IsDefined(typeof(DataContractFormatAttribute), false)) return false;
        return contract.IsDefined(typeof(XmlSerializerFormatAttribute), false);
    }

    /// <summary>The exception for an unsupported method shape.</summary>
    public static InvalidOperationException Invalid(MethodInfo method, string problem)
        => new($"Operation {method.DeclaringType?.FullName}.{method.Name} cannot be dispatched: {problem}.");

    private static void ValidateOneWay(MethodInfo method, OperationContractAttribute attribute, Type? resultType)
    {
        if (resultType is not null) throw Invalid(method, "a one-way operation must return void, Task or ValueTask");
        if (attribute.ReplyAction is not null) throw Invalid(method, "a one-way operation cannot set ReplyAction");
        if (method.IsDefined(typeof(FaultContractAttribute), false))
        {
            throw Invalid(method, "a one-way operation cannot declare [FaultContract]");
        }
    }

    // Messages, streams and message contracts change the body's shape; WCF handles them with other formatters.
    private static void CheckType(MethodInfo method, Type type)
    {
        if (type.IsPointer || type.IsByRefLike || type.ContainsGenericParameters)
        {
            throw Invalid(method, $"type {type.Name} cannot be serialized");
        }

        if (typeof(Message).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type)
            || type.IsDefined(typeof(MessageContractAttribute), false))
        {
            throw Invalid(method, $"{type.Name}: Message, Stream and [MessageContract] parameters and results are not supported");
        }
    }

    private static void CheckFormat(MethodInfo method, MemberInfo target)
    {
        var xml = target.GetCustomAttribute<XmlSerializerFormatAttribute>(false);
        var dataContract = target.GetCustomAttribute<DataContractFormatAttribute>(false);
        if (xml?.Style == OperationFormatStyle.Rpc || dataContract?.Style == OperationFormatStyle.Rpc)
        {
            throw Invalid(method, "the RPC style is not supported; use the default document style");
        }

        if (xml?.Use == OperationFormatUse.Encoded) throw Invalid(method, "SOAP encoding (Use = Encoded) is not supported");
    }
}
