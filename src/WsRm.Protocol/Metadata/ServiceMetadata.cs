using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Contracts;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// The WSDL 1.1 and XSD of one service endpoint, as WCF's <c>serviceMetadata httpGetEnabled</c> serves them: built once
/// from the contracts (the schemas are the expensive part), then written for each request's address. Document/literal
/// wrapped; a SOAP 1.1 and a SOAP 1.2 binding per contract; with <see cref="ReliablePolicy"/> each binding references
/// the WS-RM policy. One WSDL document holds everything but the schemas, so its target namespace is the contracts'
/// (WCF puts the service and bindings in http://tempuri.org/ and the portTypes in a second document; the messages on
/// the wire are the same either way). Thread-safe: every call writes a new document.
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

    /// <summary>
    /// Describes <paramref name="contracts"/> served as <paramref name="serviceName"/> (the wsdl:service name).
    /// Throws <see cref="NotSupportedException"/> when the contracts differ in namespace (a WSDL 1.1 document has one
    /// target namespace for its portTypes: map them at separate addresses), and whatever the schema exporters throw for
    /// types they cannot describe.
    /// </summary>
    public static ServiceMetadata Create(string serviceName, IReadOnlyList<ContractInfo> contracts, ReliablePolicy? policy)
    {
        ArgumentOutOfRangeException.ThrowIfZero(contracts.Count);
        string ns = contracts[0].Namespace;
        if (contracts.FirstOrDefault(c => c.Namespace != ns) is { } other)
        {
            throw new NotSupportedException(
                $"Contracts {contracts[0].Interface.FullName} ('{ns}') and {other.Interface.FullName} ('{other.Namespace}') " +
                "are in different namespaces, which one WSDL document cannot describe: serve them at separate addresses " +
                "(WsRmServiceOptions.Contract) to publish metadata.");
        }

        var descriptions = contracts.Select(c => new ContractDescription(c, OperationCollector.Collect(c))).ToArray();
        var exporter = new ContractSchemaExporter();
        foreach (OperationModel operation in descriptions.SelectMany(d => d.Operations)) exporter.Add(operation);

        var faultElements = descriptions.SelectMany(d => d.Operations).SelectMany(o => o.Faults)
            .DistinctBy(f => f)
            .ToDictionary(f => f, exporter.FaultElement);
        IReadOnlyList<XElement> schemas = exporter.Build(descriptions.SelectMany(d => d.Operations).Select(o => o.WrapperNamespace));
        return new ServiceMetadata(schemas, new WsdlWriter(XmlConvert.EncodeLocalName(serviceName), ns, descriptions, faultElements, policy));
    }

    /// <summary>
    /// The WSDL whose ports are at <paramref name="serviceAddress"/>. <paramref name="singleWsdl"/> puts the schemas
    /// inline (<c>?singleWsdl</c>); otherwise wsdl:types imports them from <c>{metadataUrl}?xsd=xsdN</c>, where
    /// <paramref name="metadataUrl"/> is the URL (without query) the WSDL was fetched from.
    /// </summary>
    public XDocument GetWsdl(string serviceAddress, string metadataUrl, bool singleWsdl)
    {
        IEnumerable<XElement> types = singleWsdl
            ? _schemas.Select(s => new XElement(s))
            : [SchemaImports(metadataUrl)];
        return _writer.Write(serviceAddress, types);
    }

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

    // WCF's own shape: one schema in wsdl:types that only imports the others.
    private XElement SchemaImports(string address) =>
        new(MetadataNamespaces.Xsd + "schema",
            new XAttribute("targetNamespace", _writer.TargetNamespace.TrimEnd('/') + "/Imports"),
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
