using System.Text;
using System.Xml;
using System.Xml.Serialization;

namespace WsRm.Protocol.Contracts;

/// <summary>
/// The <c>[XmlSerializerFormat]</c> format, from the members mappings WCF's XmlSerializerOperationBehavior would build
/// (<see cref="XmlSerializerMappings"/>), so nulls, arrays and <c>[XmlElement]</c>/<c>[XmlArray]</c> on parameters come
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
        XmlMapping[] mappings = XmlSerializerMappings.Create(operation);
        XmlSerializer?[] serializers = XmlSerializer.FromMappings(mappings, operation.Method.DeclaringType);
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
}
