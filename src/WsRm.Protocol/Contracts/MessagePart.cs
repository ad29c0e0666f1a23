using System.Reflection;

namespace WsRm.Protocol.Contracts;

/// <summary>One parameter or the return value, as a child element of the body wrapper.</summary>
/// <param name="Name">The encoded element name.</param>
/// <param name="Namespace">The element namespace: that of the contract declaring the operation.</param>
/// <param name="Type">The CLR type (for a Task-returning method, the task's result type).</param>
/// <param name="Attributes">The parameter or return parameter, for XmlSerializer attributes such as <c>[XmlElement]</c>.</param>
internal sealed record MessagePart(string Name, string Namespace, Type Type, ICustomAttributeProvider Attributes);
