using System.Runtime.Serialization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using System.Xml.Serialization;
using WsRm.Protocol.Contracts;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// Collects the XML schemas of a set of operations, as WCF's metadata exporter does: the wrapper elements of
/// DataContractSerializer operations (one optional element per part, nillable unless a value type, typed with the
/// part's data contract), the types behind them and the fault details from <see cref="XsdDataContractExporter"/>, and
/// the wrapper elements and types of <c>[XmlSerializerFormat]</c> operations from <see cref="XmlSchemaExporter"/> over
/// the same members mappings the body formatter uses. Not thread-safe; use once.
/// </summary>
internal sealed class ContractSchemaExporter
{
    private readonly XsdDataContractExporter _dataContracts = new();
    private readonly List<XmlSchema> _xmlSerializerSchemas = [];
    private readonly Dictionary<string, XmlSchema> _wrappers = new(StringComparer.Ordinal);

    /// <summary>Adds the request and reply wrappers of <paramref name="operation"/> and the schemas of its parts and faults.</summary>
    public void Add(OperationModel operation)
    {
        if (operation.UseXmlSerializer)
        {
            // An exporter takes the mappings of one importer only, and each operation has its own: the schemas of
            // several operations meet again in SchemaMerger, which keeps a type declared twice once.
            var schemas = new XmlSchemas();
            var exporter = new XmlSchemaExporter(schemas);
            foreach (XmlMembersMapping mapping in XmlSerializerMappings.Create(operation)) exporter.ExportMembersMapping(mapping);
            _xmlSerializerSchemas.AddRange(schemas);
        }
        else
        {
            foreach (Type known in operation.KnownTypes) _dataContracts.Export(known);
            AddWrapper(operation.WrapperNamespace, operation.Name, operation.Parameters);
            if (!operation.IsOneWay)
            {
                AddWrapper(operation.WrapperNamespace, operation.ReplyWrapperName, operation.ReturnPart is { } part ? [part] : []);
            }
        }

        foreach (DeclaredFault fault in operation.Faults) AddFault(fault);
    }

    /// <summary>The qualified name of a fault's detail element (declared by the schemas once <see cref="Add"/> saw the fault).</summary>
    public XmlQualifiedName FaultElement(DeclaredFault fault) =>
        fault.DetailElement is { } named ? new XmlQualifiedName(named.Name, named.Namespace) : _dataContracts.GetRootElementName(fault.DetailType)!;

    /// <summary>
    /// Every schema, one per target namespace, as schema elements whose imports carry no schemaLocation yet:
    /// <paramref name="first"/> namespaces first in that order, then the others by namespace.
    /// </summary>
    public IReadOnlyList<XElement> Build(IEnumerable<string> first)
    {
        var all = new List<XmlSchema>(_wrappers.Values);
        all.AddRange(_dataContracts.Schemas.Schemas().Cast<XmlSchema>());
        all.AddRange(_xmlSerializerSchemas);
        return SchemaMerger.Merge(all.Select(ToElement), first);
    }

    private void AddWrapper(string ns, string name, IReadOnlyList<MessagePart> parts)
    {
        XmlSchema schema = Wrappers(ns);
        if (schema.Items.OfType<XmlSchemaElement>().Any(e => e.Name == name)) return;

        var sequence = new XmlSchemaSequence();
        foreach (MessagePart part in parts) sequence.Items.Add(PartElement(part));
        schema.Items.Add(new XmlSchemaElement { Name = name, SchemaType = new XmlSchemaComplexType { Particle = sequence } });
    }

    // WCF's DataContractSerializerMessageContractExporter: minOccurs 0, nillable when null is a value of the type.
    private XmlSchemaElement PartElement(MessagePart part)
    {
        _dataContracts.Export(part.Type);
        var element = new XmlSchemaElement
        {
            Name = part.Name,
            MinOccurs = 0,
            IsNillable = !part.Type.IsValueType || Nullable.GetUnderlyingType(part.Type) is not null,
        };
        if (_dataContracts.GetSchemaType(part.Type) is { } anonymous) element.SchemaType = anonymous;
        else element.SchemaTypeName = _dataContracts.GetSchemaTypeName(part.Type);
        return element;
    }

    private void AddFault(DeclaredFault fault)
    {
        _dataContracts.Export(fault.DetailType);
        if (fault.DetailElement is not { } named) return;

        // [FaultContract(Name)] renames the detail root: declare it beside the wrappers of its namespace.
        XmlSchema schema = Wrappers(named.Namespace);
        if (schema.Items.OfType<XmlSchemaElement>().Any(e => e.Name == named.Name)) return;
        schema.Items.Add(new XmlSchemaElement
        {
            Name = named.Name,
            IsNillable = true,
            SchemaTypeName = _dataContracts.GetSchemaTypeName(fault.DetailType),
        });
    }

    private XmlSchema Wrappers(string ns)
    {
        if (!_wrappers.TryGetValue(ns, out XmlSchema? schema))
        {
            schema = new XmlSchema { TargetNamespace = ns, ElementFormDefault = XmlSchemaForm.Qualified };
            _wrappers.Add(ns, schema);
        }

        return schema;
    }

    private static XElement ToElement(XmlSchema schema)
    {
        var document = new XDocument();
        using (XmlWriter writer = document.CreateWriter()) schema.Write(writer);
        return document.Root!;
    }
}
