using System.Collections;
using System.Text;
using System.Xml;
using System.Xml.Serialization;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The <c>[XmlSerializerFormat]</c> format, built the way WCF's XmlSerializerOperationBehavior builds it: one members
/// mapping per message (wrapper element, one member per part in the contract namespace, types defaulting to the
/// declaring contract's namespace), so nulls, arrays and <c>[XmlElement]</c>/<c>[XmlArray]</c> on parameters come
/// out as the WCF client expects. The serializers are built once: XmlSerializer generation is expensive.
/// </summary>
internal sealed class XmlSerializerBodyFormatter : IBodyFormatter
{
    private readonly OperationModel _operation;
    private readonly XmlSerializer _request;
    private readonly XmlSerializer? _reply;

    /// <summary>Builds the serializers; throws when a part's type cannot be handled by XmlSerializer.</summary>
    public XmlSerializerBodyFormatter(OperationModel operation)
    {
        _operation = operation;
        var importer = new XmlReflectionImporter(operation.WrapperNamespace);
        foreach (Type knownType in operation.KnownTypes) importer.IncludeType(knownType);

        var mappings = new List<XmlMapping>
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

        XmlSerializer?[] serializers = XmlSerializer.FromMappings(mappings.ToArray(), operation.Method.DeclaringType);
        _request = serializers[0]!;
        _reply = serializers.Length > 1 ? serializers[1] : null;
    }

    /// <inheritdoc />
    public object?[] ReadRequest(XmlReader body)
    {
        if (!BodyWrapper.IsPresent(body, _operation.Name, _operation.WrapperNamespace))
        {
            return new object?[_operation.Parameters.Count];
        }

        try
        {
            var values = (object?[])_request.Deserialize(body)!;
            body.MoveToContent();
            return values;
        }
        catch (InvalidOperationException e)
        {
            throw new BodyFormatException($"There was an error deserializing the body of operation '{_operation.Name}'.", e);
        }
    }

    /// <inheritdoc />
    public void WriteReply(XmlWriter writer, object? result)
        => _reply!.Serialize(writer, _operation.ReturnPart is null ? Array.Empty<object?>() : new[] { result });

    /// <inheritdoc />
    public void WriteRequest(XmlWriter writer, IReadOnlyList<object?> arguments)
    {
        if (writer.WriteState != WriteState.Start)
        {
            _request.Serialize(writer, arguments.ToArray());
            return;
        }

        // XmlSerializer starts a document on a fresh writer, which a fragment writer refuses: serialize apart, copy over.
        var buffer = new StringBuilder(256);
        using (var inner = XmlWriter.Create(buffer, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            _request.Serialize(inner, arguments.ToArray());
        }

        using var reader = XmlReader.Create(new StringReader(buffer.ToString()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        writer.WriteNode(reader, defattr: true);
    }

    /// <inheritdoc />
    public object? ReadReply(XmlReader body)
    {
        if (!BodyWrapper.IsPresent(body, _operation.ReplyWrapperName, _operation.WrapperNamespace)) return null;
        try
        {
            var values = (object?[])_reply!.Deserialize(body)!;
            return values.Length > 0 ? values[0] : null;
        }
        catch (InvalidOperationException e)
        {
            throw new BodyFormatException($"There was an error deserializing the reply of operation '{_operation.Name}'.", e);
        }
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
