using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Checks faults in the two SOAP shapes described by the shared FAULTS.md.</summary>
internal static class FaultAssert
{
    /// <summary>The [Reason] texts of FAULTS.md (the server may append an explanation).</summary>
    private static readonly Dictionary<string, string> Reasons = new()
    {
        ["SequenceTerminated"] = "The Sequence has been terminated due to an unrecoverable error.",
        ["UnknownSequence"] = "The value of wsrm:Identifier is not a known Sequence identifier.",
        ["InvalidAcknowledgement"] = "The SequenceAcknowledgement violates the cumulative Acknowledgement invariant.",
        ["MessageNumberRollover"] = "The maximum value for wsrm:MessageNumber has been exceeded.",
        ["CreateSequenceRefused"] = "The Create Sequence request has been refused by the RM Destination.",
        ["SequenceClosed"] = "The Sequence is closed and cannot accept new messages.",
        ["WSRMRequired"] = "The RM Destination requires the use of WSRM",
        ["LastMessageNumberExceeded"] = "The value for wsrm:MessageNumber exceeds the value of the MessageNumber accompanying a LastMessage element in this Sequence.",
    };

    /// <summary>
    /// A fault about an RM header of a sequence: SOAP 1.2 Code/Subcode/Detail; SOAP 1.1 faultcode Client/Server plus a
    /// wsrm:SequenceFault header carrying the subcode and the detail (1.1 inside wsrm:Detail, 1.0 inline).
    /// </summary>
    public static FaultView RmHeaderFault(WireResponse response, Wire wire, string subcode, string? identifier, bool receiver = false)
    {
        var fault = Common(response, wire, wire.FaultAction);
        Assert.Equal(receiver ? wire.ReceiverCode : wire.SenderCode, fault.Code);
        Assert.StartsWith(Reasons[subcode], fault.Reason);
        if (wire.IsSoap12)
        {
            Assert.Equal(wire.RmName(subcode), fault.Subcodes.FirstOrDefault());
            Assert.Null(fault.SequenceFault);
            if (identifier is not null) Assert.Equal(identifier, fault.Detail?.Element(wire.RmName("Identifier"))?.Value.Trim());
        }
        else
        {
            Assert.True(fault.SequenceFault is not null, "SOAP 1.1 RM header fault without a wsrm:SequenceFault header.\n" + response.Text);
            Assert.Equal(wire.RmNs, fault.SequenceFault.Name.NamespaceName);
            Assert.Equal(wire.RmName(subcode), fault.SequenceFaultCode);
            var holder = wire.Is11 ? fault.SequenceFault.Element(wire.RmName("Detail")) : fault.SequenceFault;
            if (identifier is not null) Assert.Equal(identifier, holder?.Element(wire.RmName("Identifier"))?.Value.Trim());
        }
        return fault;
    }

    /// <summary>
    /// A fault whose subcode is not about a header (CreateSequenceRefused, WSRMRequired, WS-Addressing faults): SOAP 1.2
    /// Code/Subcode; SOAP 1.1 the subcode QName itself in faultcode, no SequenceFault header.
    /// </summary>
    public static FaultView SubcodeFault(WireResponse response, Wire wire, XName subcode, string? action, bool receiver = false)
    {
        var fault = Common(response, wire, action);
        if (wire.IsSoap12)
        {
            Assert.Equal(receiver ? wire.ReceiverCode : wire.SenderCode, fault.Code);
            Assert.Equal(subcode, fault.Subcodes.FirstOrDefault());
        }
        else
        {
            Assert.Equal(subcode, fault.Code);
        }
        Assert.Null(fault.SequenceFault);
        if (Reasons.TryGetValue(subcode.LocalName, out var reason) && subcode.NamespaceName is Ns.Rm10 or Ns.Rm11)
            Assert.StartsWith(reason, fault.Reason);
        return fault;
    }

    /// <summary>A SOAP-level fault without subcode (Sender/Client, MustUnderstand…), in the envelope namespace.</summary>
    public static FaultView SoapFault(WireResponse response, SoapSpec soap, string code12, string code11)
    {
        var wire = new Wire(RmSpec.Rm11, soap);
        var fault = Common(response, wire, action: null);
        Assert.Equal(soap == SoapSpec.Soap12 ? XName.Get(code12, Ns.Soap12) : XName.Get(code11, Ns.Soap11), fault.Code);
        return fault;
    }

    private static FaultView Common(WireResponse response, Wire wire, string? action)
    {
        Assert.True(response.Status == HttpStatusCode.InternalServerError, $"Expected HTTP 500 for a fault.\n{response}");
        Assert.Equal(wire.MediaType, response.MediaType);
        Assert.Equal(wire.SoapNs, response.SoapNs);
        var fault = response.Fault ?? throw new Xunit.Sdk.XunitException("No soap:Fault in the body.\n" + response.Text);
        if (action is not null) Assert.Equal(action, response.Action);
        if (wire.IsSoap12 && response.Action is { } a) Assert.Equal(a, response.ContentTypeAction);
        return fault;
    }
}
