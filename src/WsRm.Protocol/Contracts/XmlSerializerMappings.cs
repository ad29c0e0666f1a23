using System.Collections;
using System.Xml;
using System.Xml.Serialization;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The members mappings of an <c>[XmlSerializerFormat]</c> operation, built the way WCF's XmlSerializerOperationBehavior
/// builds them: one per message (wrapper element, one member per part in the contract namespace, types defaulting to
/// the declaring contract's namespace). The body formatter makes its serializers from them and the metadata exports
/// their schemas with XmlSchemaExporter, so the WSDL describes exactly what goes on the wire.
/// </summary>
internal static class XmlSerializerMappings
{
    /// <summary>The request mapping, then the reply mapping unless the operation is one-way.</summary>
    public static XmlMembersMapping[] Create(OperationModel operation)
    {
        var importer = new XmlReflectionImporter(operation.WrapperNamespace);
        foreach (Type knownType in operation.KnownTypes) importer.IncludeType(knownType);

        var mappings = new List<XmlMembersMapping>
        {
            importer.ImportMembersMapping(XmlConvert.DecodeName(operation.Name), operation.WrapperNamespace,
                operation.Parameters.Select(Member).ToArray(), hasWrapperElement: true),
        };
        if (!operation.IsOneWay)
        {
            XmlReflectionMember[] result = operation.ReturnPart is { } part ? [Member(part)] : [];
            mappings.Add(importer.ImportMembersMapping(XmlConvert.DecodeName(operation.ReplyWrapperName),
                operation.WrapperNamespace, result, hasWrapperElement: true));
        }

        return mappings.ToArray();
    }

    // Mirrors WCF: a part without XML attributes becomes an element (or, for a collection, an array element) named
    // after the part in the part's namespace; attributes on the parameter override, with the blanks filled in.
    private static XmlReflectionMember Member(MessagePart part)
    {
        string name = XmlConvert.DecodeName(part.Name);
        var attributes = new XmlAttributes(part.Attributes);
        var member = new XmlReflectionMember { MemberName = name, MemberType = part.Type, XmlAttributes = attributes };
        if (attributes.XmlArray is { } array)
        {
            if (string.IsNullOrEmpty(array.ElementName)) array.ElementName = name;
            array.Namespace ??= part.Namespace;
        }
        else if (attributes.XmlElements.Count > 0)
        {
            foreach (XmlElementAttribute element in attributes.XmlElements)
            {
                if (string.IsNullOrEmpty(element.ElementName)) element.ElementName = name;
                element.Namespace ??= part.Namespace;
            }
        }
        else if (attributes.XmlAnyElements.Count == 0 && attributes.XmlText is null)
        {
            if (IsCollection(part.Type)) attributes.XmlArray = new XmlArrayAttribute(name) { Namespace = part.Namespace };
            else attributes.XmlElements.Add(new XmlElementAttribute(name) { Namespace = part.Namespace });
        }

        return member;
    }

    private static bool IsCollection(Type type)
        => type.IsArray ? type != typeof(byte[])
            : typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string)
                && !typeof(XmlNode).IsAssignableFrom(type) && !typeof(IXmlSerializable).IsAssignableFrom(type);
}
