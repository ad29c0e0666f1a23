using System.Reflection;

namespace WsRm.Protocol.Contracts;

/// <summary>Everything known about one operation once its method and attributes have been read; immutable.</summary>
internal sealed record OperationModel
{
    /// <summary>The interface method that is called.</summary>
    public required MethodInfo Method { get; init; }

    /// <summary>How <see cref="Method"/> returns.</summary>
    public required ReturnKind ReturnKind { get; init; }

    /// <summary>The encoded operation name, which is also the request wrapper element's name.</summary>
    public required string Name { get; init; }

    /// <summary>The request action.</summary>
    public required string Action { get; init; }

    /// <summary>The reply action; null for one-way operations.</summary>
    public required string? ReplyAction { get; init; }

    /// <summary>True for <c>[OperationContract(IsOneWay = true)]</c>.</summary>
    public required bool IsOneWay { get; init; }

    /// <summary>
    /// The namespace of both wrapper elements and of the parts: that of the interface declaring the method, also when
    /// the exposed contract inherits the operation.
    /// </summary>
    public required string WrapperNamespace { get; init; }

    /// <summary>The request parts, in parameter order.</summary>
    public required IReadOnlyList<MessagePart> Parameters { get; init; }

    /// <summary>The <c>{Name}Result</c> part; null for void and one-way operations.</summary>
    public required MessagePart? ReturnPart { get; init; }

    /// <summary>True under <c>[XmlSerializerFormat]</c>, false for the default DataContractSerializer.</summary>
    public required bool UseXmlSerializer { get; init; }

    /// <summary><c>[ServiceKnownType]</c> types of the contract and the method.</summary>
    public required IReadOnlyList<Type> KnownTypes { get; init; }

    /// <summary>The <c>[FaultContract]</c>s of the method.</summary>
    public required IReadOnlyList<DeclaredFault> Faults { get; init; }

    /// <summary>The reply wrapper element's name.</summary>
    public string ReplyWrapperName => Name + "Response";
}
