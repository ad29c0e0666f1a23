using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// One combination of RM, SOAP and WS-Addressing versions, with what a peer speaking it expects on the wire.
/// RM 1.0 defaults to W3C WS-Addressing 1.0 (as WCF sends it); <paramref name="Wsa2004"/> selects the August 2004
/// submission that CXF and Sandesha 1 use.
/// </summary>
internal sealed record Wire(RmSpec Rm, SoapSpec Soap, bool Wsa2004 = false)
{
    public bool Is11 => Rm == RmSpec.Rm11;
    public bool IsSoap12 => Soap == SoapSpec.Soap12;

    public string RmNs => Is11 ? Ns.Rm11 : Ns.Rm10;
    public string SoapNs => IsSoap12 ? Ns.Soap12 : Ns.Soap11;
    public string WsaNs => Wsa2004 ? Ns.Wsa200408 : Ns.Wsa10;
    public string Anonymous => Wsa2004 ? Ns.Wsa200408 + "/role/anonymous" : Ns.Wsa10 + "/anonymous";
    public string MediaType => IsSoap12 ? "application/soap+xml" : "text/xml";

    /// <summary>An RM action, e.g. <c>RmAction("CreateSequence")</c>.</summary>
    public string RmAction(string name) => RmNs + "/" + name;

    /// <summary>wsa:Action of an RM fault (FAULTS.md: 1.1 its own; 1.0 the WS-Addressing default fault action).</summary>
    public string FaultAction => Is11 ? Ns.Rm11 + "/fault" : Wsa2004 ? Ns.Wsa200408 + "/fault" : Ns.Wsa10 + "/soap/fault";

    /// <summary>wsa:Action of a WS-Addressing fault (ActionNotSupported, MessageAddressingHeaderRequired).</summary>
    public string AddressingFaultAction => Wsa2004 ? Ns.Wsa200408 + "/fault" : Ns.Wsa10 + "/soap/fault";

    /// <summary>Sender in SOAP 1.2, Client in SOAP 1.1.</summary>
    public XName SenderCode => IsSoap12 ? XName.Get("Sender", Ns.Soap12) : XName.Get("Client", Ns.Soap11);

    /// <summary>Receiver in SOAP 1.2, Server in SOAP 1.1.</summary>
    public XName ReceiverCode => IsSoap12 ? XName.Get("Receiver", Ns.Soap12) : XName.Get("Server", Ns.Soap11);

    public XName RmName(string local) => XName.Get(local, RmNs);

    public override string ToString() => $"RM {(Is11 ? "1.1" : "1.0")} / SOAP {(IsSoap12 ? "1.2" : "1.1")}{(Wsa2004 ? " / WSA 2004/08" : "")}";
}
