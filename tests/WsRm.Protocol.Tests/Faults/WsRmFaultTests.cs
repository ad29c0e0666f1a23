using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

/// <summary>
/// The rules FAULTS.md states for every fault, checked for every fault type over RM 1.0/1.1 × SOAP 1.1/1.2. The
/// per-type reason, code and detail are in each type's own test class.
/// </summary>
public class WsRmFaultTests
{
    private static readonly SequenceAcknowledgement SampleAck = new() { Identifier = "urn:seq:1", Ranges = [new(1, 5)] };

    /// <summary>Every fault type, and whether it is about an RM header of an existing sequence.</summary>
    private static readonly Dictionary<string, (Func<WsRmFault> Create, bool HeaderFault)> Types = new()
    {
        ["SequenceTerminated"] = (() => new SequenceTerminatedFault("urn:seq:1", FaultCodeKind.Sender, "gap"), true),
        ["UnknownSequence"] = (() => new UnknownSequenceFault("urn:seq:1"), true),
        ["InvalidAcknowledgement"] = (() => new InvalidAcknowledgementFault(SampleAck), true),
        ["MessageNumberRollover"] = (() => new MessageNumberRolloverFault("urn:seq:1", 100), true),
        ["LastMessageNumberExceeded"] = (() => new LastMessageNumberExceededFault("urn:seq:1"), true),
        ["SequenceClosed"] = (() => new SequenceClosedFault("urn:seq:1"), true),
        ["CreateSequenceRefused"] = (() => new CreateSequenceRefusedFault("no"), false),
        ["WSRMRequired"] = (() => new WsrmRequiredFault(), false),
    };

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var type in Types.Keys)
            foreach (var rm in new[] { "1.0", "1.1" })
                foreach (var soap in new[] { "1.1", "1.2" })
                    data.Add(type, rm, soap);
        return data;
    }

    private static RmVersion Rm(string name) => name == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
    private static SoapVersion Soap(string name) => name == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ToSoapFault_SubcodeIsInTheRmNamespaceOfTheSequence(string type, string rmName, string soapName)
    {
        var rm = Rm(rmName);

        var soapFault = Types[type].Create().ToSoapFault(rm, Soap(soapName), AddressingVersion.WsAddressing10);

        Assert.Equal(new XmlQualifiedName(type, rm.Namespace), soapFault.Subcode);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ToSoapFault_Action_Rm11IsRmFault_Rm10IsTheAddressingFaultAction(string type, string rmName, string soapName)
    {
        var fault = Types[type].Create();
        var rm = Rm(rmName);
        var soap = Soap(soapName);

        if (rm.Is11)
        {
            Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", fault.ToSoapFault(rm, soap, AddressingVersion.WsAddressing10).Action);
            Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", fault.ToSoapFault(rm, soap, null).Action);
        }
        else
        {
            Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", fault.ToSoapFault(rm, soap, AddressingVersion.WsAddressing10).Action);
            Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", fault.ToSoapFault(rm, soap, AddressingVersion.WsAddressing200408).Action);
            Assert.Null(fault.ToSoapFault(rm, soap, null).Action);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ToSoapFault_HeaderFaultsUseTheSequenceFaultHeaderOnlyUnderSoap11(string type, string rmName, string soapName)
    {
        var (create, headerFault) = Types[type];
        var rm = Rm(rmName);
        var soap = Soap(soapName);

        var soapFault = create().ToSoapFault(rm, soap, AddressingVersion.WsAddressing10);
        var view = FaultView.Of(create(), rm, soap, AddressingVersion.WsAddressing10);

        var expectHeader = headerFault && soap == SoapVersion.Soap11;
        Assert.Equal(expectHeader ? rm.Namespace : null, soapFault.SequenceFaultHeader);
        Assert.Equal(expectHeader && rm.Is11, soapFault.SequenceFaultDetailWrapped);
        Assert.Equal(expectHeader, view.SequenceFaultHeader is not null);
        XNamespace rmNs = rm.Namespace;
        if (soap == SoapVersion.Soap12)
        {
            Assert.Equal(rmNs + type, view.Subcode);
        }
        else if (headerFault)
        {
            // faultcode keeps Client/Server; the subcode travels in SequenceFault/FaultCode.
            Assert.Equal(XNamespace.Get(Ns.Soap11) + (create().Code == FaultCodeKind.Sender ? "Client" : "Server"), view.Code);
            Assert.Equal(rmNs + type, view.Subcode);
            if (view.Detail.Count > 0)
                Assert.Equal(rm.Is11, view.SequenceFaultHeader!.Element(rmNs + "Detail") is not null);
        }
        else
        {
            // CreateSequence-time faults and WSRMRequired: faultcode is the subcode itself.
            Assert.Equal(rmNs + type, view.Code);
            Assert.Null(view.Subcode);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ToSoapFault_ReasonIsTheFaultsReason_AndWrittenVerbatim(string type, string rmName, string soapName)
    {
        var fault = Types[type].Create();

        var view = FaultView.Of(fault, Rm(rmName), Soap(soapName), AddressingVersion.WsAddressing10);

        Assert.Equal(fault.Reason, fault.ToSoapFault(Rm(rmName), Soap(soapName), null).Reason);
        Assert.Equal(fault.Reason, view.Reason);
        Assert.Equal(fault.ToSoapFault(Rm(rmName), Soap(soapName), AddressingVersion.WsAddressing10).Action, view.Action);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void ToSoapFault_DetailElementsAreInTheRmNamespaceOfTheSequence(string type, string rmName, string soapName)
    {
        var rm = Rm(rmName);

        var view = FaultView.Of(Types[type].Create(), rm, Soap(soapName), AddressingVersion.WsAddressing10);

        Assert.All(view.Detail, e => Assert.Equal(rm.Namespace, e.Name.NamespaceName));
    }

    [Fact]
    public void ToSoapFault_Rm10WithoutAddressing_FallsBackToTheMessagesAddressingFaultAction()
    {
        var soapFault = new UnknownSequenceFault("urn:s").ToSoapFault(RmVersion.Rm10, SoapVersion.Soap12, null);

        var message = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing200408) { Fault = soapFault };

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", message.EffectiveAction);
    }

    [Fact]
    public void ToString_HasSubcodeReasonAndIdentifier()
    {
        Assert.Equal("UnknownSequence: The value of wsrm:Identifier is not a known Sequence identifier. (urn:s)", new UnknownSequenceFault("urn:s").ToString());
        Assert.Equal("WSRMRequired: The RM Destination requires the use of WSRM", new WsrmRequiredFault().ToString());
    }
}
