using System.Runtime.Serialization;
using System.Xml;
using WsRm.Protocol.Xml;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The default format: each part is written and read by its own <see cref="DataContractSerializer"/> rooted at the
/// part's element, as WCF's DataContractSerializerOperationFormatter does (a string[] result becomes
/// <c>&lt;EchoResult&gt;&lt;a:string xmlns:a="…/Arrays"&gt;…</c>, a null is <c>xsi:nil</c>).
/// </summary>
internal sealed class DataContractBodyFormatter : IBodyFormatter
{
    private readonly OperationModel _operation;
    private readonly DataContractSerializer[] _parameters;
    private readonly DataContractSerializer? _result;

    /// <summary>Builds the serializers once; they are thread-safe.</summary>
    public DataContractBodyFormatter(OperationModel operation)
    {
        _operation = operation;
        _parameters = operation.Parameters.Select(p => Serializer(p, operation.KnownTypes)).ToArray();
        _result = operation.ReturnPart is { } part ? Serializer(part, operation.KnownTypes) : null;
    }

    /// <inheritdoc />
    public object?[] ReadRequest(XmlReader body)
    {
        var values = new object?[_parameters.Length];
        if (!BodyWrapper.IsPresent(body, _operation.Name, _operation.WrapperNamespace)) return values;
        if (body.IsEmptyElement)
        {
            body.Read();
            body.MoveToContent();
            return values;
        }

        XmlDictionaryReader reader = body as XmlDictionaryReader ?? XmlDictionaryReader.CreateDictionaryReader(body);
        reader.ReadStartElement();
        var seen = new bool[values.Length];
        while (ElementContent.SkipWhiteSpace(reader) == XmlNodeType.Element)
        {
            // Parts are matched by name in any order; unknown and repeated elements are skipped, as WCF tolerates.
            int index = IndexOf(reader.LocalName, reader.NamespaceURI);
            if (index < 0 || seen[index])
            {
                reader.Skip();
                continue;
            }

            seen[index] = true;
            values[index] = ReadPart(reader, index);
        }

        reader.ReadEndElement();
        reader.MoveToContent();
        return values;
    }

    /// <inheritdoc />
    public void WriteReply(XmlWriter writer, object? result)
    {
        XmlDictionaryWriter dictionaryWriter = writer as XmlDictionaryWriter ?? XmlDictionaryWriter.CreateDictionaryWriter(writer);
        dictionaryWriter.WriteStartElement(_operation.ReplyWrapperName, _operation.WrapperNamespace);
        _result?.WriteObject(dictionaryWriter, result);
        dictionaryWriter.WriteEndElement();
    }

    /// <inheritdoc />
    public void WriteRequest(XmlWriter writer, IReadOnlyList<object?> arguments)
    {
        XmlDictionaryWriter dictionaryWriter = writer as XmlDictionaryWriter ?? XmlDictionaryWriter.CreateDictionaryWriter(writer);
        dictionaryWriter.WriteStartElement(_operation.Name, _operation.WrapperNamespace);
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].WriteObject(dictionaryWriter, arguments[i]);
        dictionaryWriter.WriteEndElement();
        dictionaryWriter.Flush();
    }

    /// <inheritdoc />
    public object? ReadReply(XmlReader body)
    {
        if (!BodyWrapper.IsPresent(body, _operation.ReplyWrapperName, _operation.WrapperNamespace) || body.IsEmptyElement)
        {
            return null;
        }

        XmlDictionaryReader reader = body as XmlDictionaryReader ?? XmlDictionaryReader.CreateDictionaryReader(body);
        reader.ReadStartElement();
        object? result = null;
        bool seen = false;
        MessagePart? part = _operation.ReturnPart;
        while (ElementContent.SkipWhiteSpace(reader) == XmlNodeType.Element)
        {
            // As for requests: unknown and repeated elements are skipped.
            if (seen || part is null || reader.LocalName != part.Name || reader.NamespaceURI != part.Namespace)
            {
                reader.Skip();
                continue;
            }

            seen = true;
            result = Read(_result!, reader, part);
        }

        reader.ReadEndElement();
        return result;
    }

    private object? ReadPart(XmlDictionaryReader reader, int index)
        => Read(_parameters[index], reader, _operation.Parameters[index]);

    private static object? Read(DataContractSerializer serializer, XmlDictionaryReader reader, MessagePart part)
    {
        try
        {
            return serializer.ReadObject(reader, verifyObjectName: false);
        }
        catch (Exception e) when (e is SerializationException or XmlException or FormatException or InvalidOperationException)
        {
            throw new BodyFormatException(
                $"There was an error while trying to deserialize parameter {part.Namespace}:{part.Name}.", e);
        }
    }

    private int IndexOf(string localName, string ns)
    {
        IReadOnlyList<MessagePart> parts = _operation.Parameters;
        for (int i = 0; i < parts.Count; i++)
        {
            if (parts[i].Name == localName && parts[i].Namespace == ns) return i;
        }

        return -1;
    }

    private static DataContractSerializer Serializer(MessagePart part, IReadOnlyList<Type> knownTypes)
        => new(part.Type, part.Name, part.Namespace, knownTypes);
}
