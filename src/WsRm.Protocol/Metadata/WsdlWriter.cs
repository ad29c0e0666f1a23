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
/// and one port per binding at the address (WSDL 1.1 §2–§4; WS-Addressing 1.0 WSDL Binding §4.4).
/// </summary>
internal sealed class WsdlWriter(string serviceName, string targetNamespace, IReadOnlyList<ContractDescription> contracts,
    IReadOnlyDictionary<DeclaredFault, XmlQualifiedName> faultElements, ReliablePolicy? policy)
{
    private readonly XNamespace _tns = targetNamespace;

    /// <summary>The definitions' target namespace: that of the contracts.</summary>
    public string TargetNamespace => targetNamespace;

    /// <summary>
    /// The definitions with <paramref name="address"/> as every port's soap:address and <paramref name="types"/> as the
    /// wsdl:types content.
    /// </summary>
    public XDocument Write(string address, IEnumerable<XElement> types)
    {
        var bindings = contracts.SelectMany(c => new[] { (Contract: c, Soap12: false), (Contract: c, Soap12: true) })
            .Select(b => (b.Contract, b.Soap12, Name: BindingName(b.Contract.Contract.Name, b.Soap12)))
            .ToArray();
        var definitions = new XElement(N.Wsdl + "definitions",
            new XAttribute("name", serviceName),
            new XAttribute("targetNamespace", targetNamespace),
            new XAttribute(XNamespace.Xmlns + "tns", targetNamespace),
            N.Declarations(policy is not null),
            policy is null ? null : bindings.Select(b => PolicyWriter.Write(PolicyId(b.Name), policy)),
            new XElement(N.Wsdl + "types", types),
            contracts.SelectMany(Messages).DistinctBy(m => (string?)m.Attribute("name")),
            contracts.Select(PortType),
            bindings.Select(b => Binding(b.Contract, b.Name, b.Soap12)),
            new XElement(N.Wsdl + "service", new XAttribute("name", serviceName),
                bindings.Select(b => Port(b.Name, b.Soap12, address))));
        return new XDocument(definitions);
    }

    private string BindingName(string contract, bool soap12) =>
        (soap12 ? "WSHttpBinding_" : policy is null ? "BasicHttpBinding_" : "CustomBinding_") + contract;

    private static string PolicyId(string binding) => binding + "_policy";

    private static string MessageName(ContractInfo contract, OperationModel operation, string kind) =>
        $"{contract.Name}_{operation.Name}_{kind}";

    private IEnumerable<XElement> Messages(ContractDescription description)
    {
        ContractInfo contract = description.Contract;
        foreach (OperationModel operation in description.Operations)
        {
            yield return Message(MessageName(contract, operation, "InputMessage"), "parameters", new XmlQualifiedName(operation.Name, operation.WrapperNamespace));
            if (!operation.IsOneWay)
            {
                yield return Message(MessageName(contract, operation, "OutputMessage"), "parameters",
                    new XmlQualifiedName(operation.ReplyWrapperName, operation.WrapperNamespace));
            }

            foreach (DeclaredFault fault in operation.Faults)
            {
                yield return Message(MessageName(contract, operation, fault.Name + "_FaultMessage"), "detail", faultElements[fault]);
            }
        }
    }

    private XElement Message(string name, string part, XmlQualifiedName element) =>
        new(N.Wsdl + "message", new XAttribute("name", name),
            new XElement(N.Wsdl + "part", new XAttribute("name", part),
                element.Namespace == targetNamespace
                    ? [new XAttribute("element", "tns:" + element.Name)]
                    : new object[] { new XAttribute("element", "q:" + element.Name), new XAttribute(XNamespace.Xmlns + "q", element.Namespace) }));

    private XElement PortType(ContractDescription description)
    {
        ContractInfo contract = description.Contract;
        return new XElement(N.Wsdl + "portType", new XAttribute("name", contract.Name),
            description.Operations.Select(o => new XElement(N.Wsdl + "operation", new XAttribute("name", o.Name),
                PortTypeMessage("input", o.Action, MessageName(contract, o, "InputMessage"), null),
                o.IsOneWay ? null : PortTypeMessage("output", o.ReplyAction!, MessageName(contract, o, "OutputMessage"), null),
                o.Faults.Select(f => PortTypeMessage("fault", f.Action, MessageName(contract, o, f.Name + "_FaultMessage"), f.Name)))));
    }

    private static XElement PortTypeMessage(string kind, string action, string message, string? name) =>
        new(N.Wsdl + kind,
            new XAttribute(N.AddressingWsdl + "Action", action),
            name is null ? null : new XAttribute("name", name),
            new XAttribute("message", "tns:" + message));

    private XElement Binding(ContractDescription description, string name, bool soap12)
    {
        XNamespace soap = soap12 ? N.Soap12 : N.Soap11;
        return new XElement(N.Wsdl + "binding",
            new XAttribute("name", name),
            new XAttribute("type", "tns:" + description.Contract.Name),
            policy is null ? null : PolicyWriter.Reference(PolicyId(name)),
            new XElement(soap + "binding", new XAttribute("transport", N.HttpTransport)),
            description.Operations.Select(o => new XElement(N.Wsdl + "operation", new XAttribute("name", o.Name),
                new XElement(soap + "operation", new XAttribute("soapAction", o.Action), new XAttribute("style", "document")),
                new XElement(N.Wsdl + "input", Body(soap)),
                o.IsOneWay ? null : new XElement(N.Wsdl + "output", Body(soap)),
                o.Faults.Select(f => new XElement(N.Wsdl + "fault", new XAttribute("name", f.Name),
                    new XElement(soap + "fault", new XAttribute("use", "literal"), new XAttribute("name", f.Name)))))));
    }

    private static XElement Body(XNamespace soap) => new(soap + "body", new XAttribute("use", "literal"));

    private static XElement Port(string binding, bool soap12, string address) =>
        new(N.Wsdl + "port", new XAttribute("name", binding), new XAttribute("binding", "tns:" + binding),
            new XElement((soap12 ? N.Soap12 : N.Soap11) + "address", new XAttribute("location", address)));
}
