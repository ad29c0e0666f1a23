using System.Xml.Linq;

namespace WsRm.Protocol.Metadata;

/// <summary>The XML namespaces of the service description, with the prefixes WCF gives them.</summary>
internal static class MetadataNamespaces
{
    /// <summary>WSDL 1.1 (<c>wsdl</c>).</summary>
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    /// <summary>WSDL 1.1 SOAP 1.1 binding (<c>soap</c>).</summary>
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";

    /// <summary>WSDL 1.1 SOAP 1.2 binding (<c>soap12</c>).</summary>
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";

    /// <summary>XML Schema (<c>xsd</c>).</summary>
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>WS-Policy 1.2, the version WCF exports by default (<c>wsp</c>).</summary>
    public static readonly XNamespace Policy = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    /// <summary>WS-Security utility, for <c>wsu:Id</c> on policies (<c>wsu</c>).</summary>
    public static readonly XNamespace SecurityUtility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    /// <summary>WS-Addressing 1.0 WSDL binding, for <c>wsaw:Action</c> as WCF writes it on portType messages (<c>wsaw</c>).</summary>
    public static readonly XNamespace AddressingWsdl = "http://www.w3.org/2006/05/addressing/wsdl";

    /// <summary>WS-Addressing 1.0 Metadata, for the <c>wsam:Addressing</c> policy assertion (<c>wsam</c>).</summary>
    public static readonly XNamespace AddressingMetadata = "http://www.w3.org/2007/05/addressing/metadata";

    /// <summary>WS-RM Policy 2005/02, the WS-RM 1.0 assertion (<c>wsrm</c>).</summary>
    public static readonly XNamespace RmPolicy10 = "http://schemas.xmlsoap.org/ws/2005/02/rm/policy";

    /// <summary>WS-RM Policy 1.1 (<c>wsrmp</c>).</summary>
    public static readonly XNamespace RmPolicy11 = "http://docs.oasis-open.org/ws-rx/wsrmp/200702";

    /// <summary>WCF's own WS-RM 1.1 policy parameters: InactivityTimeout, AcknowledgementInterval (<c>netrmp</c>).</summary>
    public static readonly XNamespace NetRmPolicy11 = "http://schemas.microsoft.com/ws-rx/wsrmp/200702";

    /// <summary>WCF's WS-RM flow-control policy (<c>netrm</c>): RmFlowControl/MaxReceiveBufferSize.</summary>
    public static readonly XNamespace NetRmPolicy = "http://schemas.microsoft.com/net/2005/02/rm/policy";

    /// <summary>The SOAP over HTTP transport URI of soap:binding and soap12:binding.</summary>
    public const string HttpTransport = "http://schemas.xmlsoap.org/soap/http";

    /// <summary>The prefixes declared on the wsdl:definitions element.</summary>
    public static IEnumerable<XAttribute> Declarations(bool reliable)
    {
        yield return new XAttribute(XNamespace.Xmlns + "wsdl", Wsdl);
        yield return new XAttribute(XNamespace.Xmlns + "soap", Soap11);
        yield return new XAttribute(XNamespace.Xmlns + "soap12", Soap12);
        yield return new XAttribute(XNamespace.Xmlns + "xsd", Xsd);
        yield return new XAttribute(XNamespace.Xmlns + "wsaw", AddressingWsdl);
        if (!reliable) yield break;
        yield return new XAttribute(XNamespace.Xmlns + "wsp", Policy);
        yield return new XAttribute(XNamespace.Xmlns + "wsu", SecurityUtility);
        yield return new XAttribute(XNamespace.Xmlns + "wsam", AddressingMetadata);
        yield return new XAttribute(XNamespace.Xmlns + "wsrm", RmPolicy10);
        yield return new XAttribute(XNamespace.Xmlns + "wsrmp", RmPolicy11);
        yield return new XAttribute(XNamespace.Xmlns + "netrmp", NetRmPolicy11);
        yield return new XAttribute(XNamespace.Xmlns + "netrm", NetRmPolicy);
    }
}
