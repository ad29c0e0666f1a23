using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Contracts;
using N = WsRm.Protocol.Metadata.MetadataNamespaces;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// Writes the wsdl:definitions of a service with WCF's names: messages <c>{Contract}_{Operation}_InputMessage</c>,
/// <c>_OutputMessage</c> and <c>_{Fault}_FaultMessage</c> (parts <c>parameters</c> and <c>detail</c>), portType
/// <c>{Contract}</c> with <c>wsaw:Action</c> on every message, bindings <c>BasicHttpBinding_{Contract}</c> (SOAP 1.1;
/// <c>CustomBinding_{Contract}</c> when reliable) and <c>WSHttpBinding_{Contract}</c> (SOAP 1.2), document/literal,
/// and one port per binding at the address (WSDL 1.1 §2–§4; WS-Addressing 1.0 WSDL Binding §4.4). The main document's
/// target namespace is the first contract's; the messages and portTypes of contracts in other namespaces go to
/// documents of their own, which the main one imports (wsdl:import), as WCF's <c>?wsdl=wsdlN</c>.
/// </summary>
internal sealed class WsdlWriter
{
    private readonly string _serviceName;
    private readonly IReadOnlyList<ContractDescription> _contracts;
    private readonly IReadOnlyDictionary<DeclaredFault, XmlQualifiedName> _faultElements;
    private readonly ReliablePolicy? _policy;
    private readonly string[] _namespaces;

    public WsdlWriter(string serviceName, IReadOnlyList<ContractDescription> contracts,
        IReadOnlyDictionary<DeclaredFault, XmlQualifiedName> faultElements, ReliablePolicy? policy)
    {
        _serviceName = serviceName;
        _contracts = contracts;
        _faultElements = faultElements;
        _policy = policy;
        _namespaces = contracts.Select(c => c.Contract.Namespace).Distinct().ToArray();
    }

    /// <summary>The main document's target namespace: that of the first contract.</summary>
    public string TargetNamespace => _namespaces[0];

    /// <summary>The contract namespaces other than <see cref="TargetNamespace"/>, each with a document of its own.</summary>
    public IReadOnlyList<string> ImportedNamespaces => _namespaces[1..];

    /// <summary>
    /// The main definitions with <paramref name="address"/> as every port's soap:address, <paramref name="types"/> as
    /// the wsdl:types content, and a wsdl:import of document N of <see cref="ImportedNamespaces"/> from
    /// <paramref name="importLocation"/>(N).
    /// </summary>
    public XDocument Write(string address, IEnumerable<XElement> types, Func<int, string> importLocation)
    {
        var bindings = _contracts.SelectMany(c => new[] { (Contract: c, Soap12: false), (Contract: c, Soap12: true) })
            .Select(b => (b.Contract, b.Soap12, Name: BindingName(b.Contract.Contract.Name, b.Soap12)))
            .ToArray();
        var definitions = new XElement(N.Wsdl + "definitions",
            new XAttribute("name", _serviceName),
            new XAttribute("targetNamespace", TargetNamespace),
            new XAttribute(XNamespace.Xmlns + "tns", TargetNamespace),
            ImportedNamespaces.Select((ns, i) => new XAttribute(XNamespace.Xmlns + ("i" + i), ns)),
            N.Declarations(_policy is not null),
            _policy is null ? null : bindings.Select(b => PolicyWriter.Write(PolicyId(b.Name), _policy)),
            ImportedNamespaces.Select((ns, i) => new XElement(N.Wsdl + "import",
                new XAttribute("namespace", ns), new XAttribute("location", importLocation(i)))),
            new XElement(N.Wsdl + "types", types),
            Abstract(TargetNamespace),
            bindings.Select(b => Binding(b.Contract, b.Name, b.Soap12)),
            new XElement(N.Wsdl + "service", new XAttribute("name", _serviceName),
                bindings.Select(b => Port(b.Name, b.Soap12, address))));
        return new XDocument(definitions);
    }

    /// <summary>Document <paramref name="index"/> of <see cref="ImportedNamespaces"/>: its contracts' messages and portTypes.</summary>
    public XDocument WriteImported(int index, IEnumerable<XElement> types)
    {
        string ns = ImportedNamespaces[index];
        return new XDocument(new XElement(N.Wsdl + "definitions",
            new XAttribute("targetNamespace", ns),
            // Its own namespace under the prefix the main document gives it, never "tns" again: node's soap merges
            // imported documents' prefixes into one table, where a second "tns" would re-point the main one's.
            new XAttribute(XNamespace.Xmlns + Prefix(ns), ns),
            N.Declarations(reliable: false),
            new XElement(N.Wsdl + "types", types),
            Abstract(ns)));
    }

    // The messages and portTypes of the contracts in one namespace.
    private IEnumerable<XElement> Abstract(string ns)
    {
        ContractDescription[] contracts = _contracts.Where(c => c.Contract.Namespace == ns).ToArray();
        return contracts.SelectMany(c => Messages(c, ns)).DistinctBy(m => (string?)m.Attribute("name"))
            .Concat(contracts.Select(PortType));
    }

    private string BindingName(string contract, bool soap12) =>
        (soap12 ? "WSHttpBinding_" : _policy is null ? "BasicHttpBinding_" : "CustomBinding_") + contract;

    private static string PolicyId(string binding) => binding + "_policy";

    private static string MessageName(ContractInfo contract, OperationModel operation, string kind) =>
        $"{contract.Name}_{operation.Name}_{kind}";

    private IEnumerable<XElement> Messages(ContractDescription description, string ns)
    {
        ContractInfo contract = description.Contract;
        foreach (OperationModel operation in description.Operations)
        {
            yield return Message(ns, MessageName(contract, operation, "InputMessage"), "parameters", new XmlQualifiedName(operation.Name, operation.WrapperNamespace));
            if (!operation.IsOneWay)
            {
                yield return Message(ns, MessageName(contract, operation, "OutputMessage"), "parameters",
                    new XmlQualifiedName(operation.ReplyWrapperName, operation.WrapperNamespace));
            }

            foreach (DeclaredFault fault in operation.Faults)
            {
                yield return Message(ns, MessageName(contract, operation, fault.Name + "_FaultMessage"), "detail", _faultElements[fault]);
            }
        }
    }

    private XElement Message(string ns, string name, string part, XmlQualifiedName element) =>
        new(N.Wsdl + "message", new XAttribute("name", name),
            new XElement(N.Wsdl + "part", new XAttribute("name", part),
                element.Namespace == ns
                    ? [new XAttribute("element", Prefix(ns) + ":" + element.Name)]
                    : new object[] { new XAttribute("element", "q:" + element.Name), new XAttribute(XNamespace.Xmlns + "q", element.Namespace) }));

    private XElement PortType(ContractDescription description)
    {
        ContractInfo contract = description.Contract;
        return new XElement(N.Wsdl + "portType", new XAttribute("name", contract.Name),
            description.Operations.Select(o => new XElement(N.Wsdl + "operation", new XAttribute("name", o.Name),
                PortTypeMessage("input", o.Action, Qualified(contract, MessageName(contract, o, "InputMessage")), null),
                o.IsOneWay ? null : PortTypeMessage("output", o.ReplyAction!, Qualified(contract, MessageName(contract, o, "OutputMessage")), null),
                o.Faults.Select(f => PortTypeMessage("fault", f.Action, Qualified(contract, MessageName(contract, o, f.Name + "_FaultMessage")), f.Name)))));
    }

    private string Qualified(ContractInfo contract, string name) => Prefix(contract.Namespace) + ":" + name;

    private static XElement PortTypeMessage(string kind, string action, string message, string? name) =>
        new(N.Wsdl + kind,
            new XAttribute(N.AddressingWsdl + "Action", action),
            name is null ? null : new XAttribute("name", name),
            new XAttribute("message", message));

    private XElement Binding(ContractDescription description, string name, bool soap12)
    {
        XNamespace soap = soap12 ? N.Soap12 : N.Soap11;
        return new XElement(N.Wsdl + "binding",
            new XAttribute("name", name),
            new XAttribute("type", Prefix(description.Contract.Namespace) + ":" + description.Contract.Name),
            _policy is null ? null : PolicyWriter.Reference(PolicyId(name)),
            new XElement(soap + "binding", new XAttribute("transport", N.HttpTransport)),
            description.Operations.Select(o => new XElement(N.Wsdl + "operation", new XAttribute("name", o.Name),
                new XElement(soap + "operation", new XAttribute("soapAction", o.Action), new XAttribute("style", "document")),
                new XElement(N.Wsdl + "input", Body(soap)),
                o.IsOneWay ? null : new XElement(N.Wsdl + "output", Body(soap)),
                o.Faults.Select(f => new XElement(N.Wsdl + "fault", new XAttribute("name", f.Name),
                    new XElement(soap + "fault", new XAttribute("use", "literal"), new XAttribute("name", f.Name)))))));
    }

    // tns for the main document's namespace, i{N} for imported document N's, in every document.
    private string Prefix(string ns) => ns == TargetNamespace ? "tns" : $"i{Array.IndexOf(_namespaces, ns) - 1}";

    private static XElement Body(XNamespace soap) => new(soap + "body", new XAttribute("use", "literal"));

    private static XElement Port(string binding, bool soap12, string address) =>
        new(N.Wsdl + "port", new XAttribute("name", binding), new XAttribute("binding", "tns:" + binding),
            new XElement((soap12 ? N.Soap12 : N.Soap11) + "address", new XAttribute("location", address)));
}
