using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Contracts;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// The WSDL 1.1 and XSD of one service endpoint, as WCF's <c>serviceMetadata httpGetEnabled</c> serves them: built once
/// from the contracts (the schemas are the expensive part), then written for each request's address. Document/literal
/// wrapped; a SOAP 1.1 and a SOAP 1.2 binding per contract; with <see cref="ReliablePolicy"/> each binding references
/// the WS-RM policy. The main WSDL document holds everything but the schemas, in the first contract's namespace (WCF puts the service and bindings in http://tempuri.org/ and the portTypes in a second document; the messages on
/// the wire are the same either way); contracts of other namespaces at the same address get documents of their own
/// (<c>?wsdl=wsdlN</c>). Thread-safe: every call writes a new document.
/// </summary>
internal sealed class ServiceMetadata
{
    private readonly IReadOnlyList<XElement> _schemas;
    private readonly WsdlWriter _writer;

    private ServiceMetadata(IReadOnlyList<XElement> schemas, WsdlWriter writer)
    {
        _schemas = schemas;
        _writer = writer;
    }

    /// <summary>How many <c>?xsd=xsdN</c> documents there are (N from 0).</summary>
    public int SchemaCount => _schemas.Count;

    /// <summary>How many <c>?wsdl=wsdlN</c> documents there are: one per contract namespace after the first.</summary>
    public int ImportedWsdlCount => _writer.ImportedNamespaces.Count;

    /// <summary>
    /// Describes <paramref name="contracts"/> served as <paramref name="serviceName"/> (the wsdl:service name).
    /// Throws whatever the schema exporters throw for types they cannot describe.
    /// </summary>
    public static ServiceMetadata Create(string serviceName, IReadOnlyList<ContractInfo> contracts, ReliablePolicy? policy)
    {
        ArgumentOutOfRangeException.ThrowIfZero(contracts.Count);

        var descriptions = contracts.Select(c => new ContractDescription(c, OperationCollector.Collect(c))).ToArray();
        var exporter = new ContractSchemaExporter();
        foreach (OperationModel operation in descriptions.SelectMany(d => d.Operations)) exporter.Add(operation);

        var faultElements = descriptions.SelectMany(d => d.Operations).SelectMany(o => o.Faults)
            .DistinctBy(f => f)
            .ToDictionary(f => f, exporter.FaultElement);
        IReadOnlyList<XElement> schemas = exporter.Build(descriptions.SelectMany(d => d.Operations).Select(o => o.WrapperNamespace));
        return new ServiceMetadata(schemas, new WsdlWriter(XmlConvert.EncodeLocalName(serviceName), descriptions, faultElements, policy));
    }

    /// <summary>
    /// The WSDL whose ports are at <paramref name="serviceAddress"/>. <paramref name="singleWsdl"/> puts the schemas
    /// inline (<c>?singleWsdl</c>); otherwise wsdl:types imports them from <c>{metadataUrl}?xsd=xsdN</c>, where
    /// <paramref name="metadataUrl"/> is the URL (without query) the WSDL was fetched from, and the contracts of other
    /// namespaces are imported from <c>{metadataUrl}?wsdl=wsdlN</c>. A single WSDL cannot hold contracts of several
    /// namespaces: then <paramref name="singleWsdl"/> throws <see cref="NotSupportedException"/> naming them, as WCF's does.
    /// </summary>
    public XDocument GetWsdl(string serviceAddress, string metadataUrl, bool singleWsdl)
    {
        if (singleWsdl && ImportedWsdlCount > 0)
        {
            throw new NotSupportedException(
                $"The contracts are in several namespaces ({_writer.TargetNamespace}, {string.Join(", ", _writer.ImportedNamespaces)}), " +
                "which one WSDL document cannot describe; use ?wsdl, which imports the others.");
        }

        IEnumerable<XElement> types = singleWsdl
            ? _schemas.Select(s => new XElement(s))
            : [SchemaImports(metadataUrl, _writer.TargetNamespace)];
        return _writer.Write(serviceAddress, types, i => WsdlLocation(metadataUrl, i));
    }

    /// <summary>
    /// Imported WSDL <paramref name="index"/> (<c>?wsdl=wsdlN</c>): the messages and portTypes of one more contract
    /// namespace, its types imported from <c>{metadataUrl}?xsd=xsdN</c>; null past the last.
    /// </summary>
    public XDocument? GetImportedWsdl(int index, string metadataUrl) =>
        index < 0 || index >= ImportedWsdlCount ? null : _writer.WriteImported(index, [SchemaImports(metadataUrl, _writer.ImportedNamespaces[index])]);

    /// <summary>The URL of imported WSDL <paramref name="index"/>: <c>{address}?wsdl=wsdl{index}</c>.</summary>
    public static string WsdlLocation(string address, int index) => $"{address}?wsdl=wsdl{index}";

    /// <summary>Schema <paramref name="index"/> with its imports pointing at <c>{metadataUrl}?xsd=xsdN</c>; null past the last.</summary>
    public XDocument? GetSchema(int index, string metadataUrl)
    {
        if (index < 0 || index >= _schemas.Count) return null;
        var schema = new XElement(_schemas[index]);
        foreach (XElement import in schema.Elements(MetadataNamespaces.Xsd + "import"))
        {
            int target = IndexOf((string?)import.Attribute("namespace") ?? "");
            if (target >= 0) import.SetAttributeValue("schemaLocation", SchemaLocation(metadataUrl, target));
        }

        return new XDocument(schema);
    }

    /// <summary>The URL of schema <paramref name="index"/>: <c>{address}?xsd=xsd{index}</c>.</summary>
    public static string SchemaLocation(string address, int index) => $"{address}?xsd=xsd{index}";

    // WCF's own shape: one schema in wsdl:types that only imports the others, in a namespace of the document's own.
    private XElement SchemaImports(string address, string documentNamespace) =>
        new(MetadataNamespaces.Xsd + "schema",
            new XAttribute("targetNamespace", documentNamespace.TrimEnd('/') + "/Imports"),
            _schemas.Select((s, i) => new XElement(MetadataNamespaces.Xsd + "import",
                new XAttribute("schemaLocation", SchemaLocation(address, i)),
                s.Attribute("targetNamespace") is { Value.Length: > 0 } ns ? new XAttribute("namespace", ns.Value) : null)));

    private int IndexOf(string ns)
    {
        for (int i = 0; i < _schemas.Count; i++)
        {
            if (((string?)_schemas[i].Attribute("targetNamespace") ?? "") == ns) return i;
        }

        return -1;
    }
}
