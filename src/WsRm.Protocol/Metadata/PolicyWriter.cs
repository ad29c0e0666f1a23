using System.Globalization;
using System.Xml.Linq;
using N = WsRm.Protocol.Metadata.MetadataNamespaces;

namespace WsRm.Protocol.Metadata;

/// <summary>
/// The WS-Policy 1.2 of a reliable binding: two alternatives, one per WS-RM version the endpoint speaks, each with the
/// RM assertion, WCF's flow-control assertion and <c>wsam:Addressing</c>. The RM assertions are the ones WCF's
/// <c>ReliableSessionBindingElement</c> exports (and its importer reads): for WS-RM 1.1 <c>wsrmp:RMAssertion</c> with the
/// nested delivery assurance and <c>netrmp:InactivityTimeout</c>/<c>netrmp:AcknowledgementInterval</c>; for 2005/02
/// <c>wsrm:RMAssertion</c> with <c>wsrm:InactivityTimeout</c>/<c>wsrm:AcknowledgementInterval</c> (WS-RM Policy 1.1 §2;
/// WS-Addressing Metadata 1.0 §3.1.1). WCF refuses both RM assertions in one alternative, hence two.
/// </summary>
internal static class PolicyWriter
{
    /// <summary>The <c>wsp:Policy</c> element with <c>wsu:Id</c> = <paramref name="id"/>.</summary>
    public static XElement Write(string id, ReliablePolicy policy) =>
        new(N.Policy + "Policy",
            new XAttribute(N.SecurityUtility + "Id", id),
            new XElement(N.Policy + "ExactlyOne",
                Alternative(Rm11Assertion(policy), policy),
                Alternative(Rm10Assertion(policy), policy)));

    /// <summary>The reference a wsdl:binding carries to the policy with <paramref name="id"/>.</summary>
    public static XElement Reference(string id) => new(N.Policy + "PolicyReference", new XAttribute("URI", "#" + id));

    private static XElement Alternative(XElement rmAssertion, ReliablePolicy policy) =>
        new(N.Policy + "All",
            rmAssertion,
            policy.MaxReceiveBufferSize is { } size
                ? new XElement(N.NetRmPolicy + "RmFlowControl",
                    new XElement(N.NetRmPolicy + "MaxReceiveBufferSize", size.ToString(CultureInfo.InvariantCulture)))
                : null,
            new XElement(N.AddressingMetadata + "Addressing", new XElement(N.Policy + "Policy")));

    private static XElement Rm11Assertion(ReliablePolicy policy) =>
        new(N.RmPolicy11 + "RMAssertion",
            new XElement(N.Policy + "Policy",
                new XElement(N.RmPolicy11 + "DeliveryAssurance",
                    new XElement(N.Policy + "Policy",
                        new XElement(N.RmPolicy11 + "ExactlyOnce"),
                        policy.Ordered ? new XElement(N.RmPolicy11 + "InOrder") : null))),
            Milliseconds(N.NetRmPolicy11 + "InactivityTimeout", policy.InactivityTimeout),
            Milliseconds(N.NetRmPolicy11 + "AcknowledgementInterval", policy.AcknowledgementInterval));

    private static XElement Rm10Assertion(ReliablePolicy policy) =>
        new(N.RmPolicy10 + "RMAssertion",
            Milliseconds(N.RmPolicy10 + "InactivityTimeout", policy.InactivityTimeout),
            Milliseconds(N.RmPolicy10 + "AcknowledgementInterval", policy.AcknowledgementInterval));

    private static XElement Milliseconds(XName name, TimeSpan value) =>
        new(name, new XAttribute("Milliseconds", ((ulong)Math.Round(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)));
}
