using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class CreateSequenceRefusedFaultTests
{
    private const string SpecReason = "The Create Sequence request has been refused by the RM Destination.";

    [Fact]
    public void Properties_Refused_IsSenderWithoutIdentifier()
    {
        var fault = new CreateSequenceRefusedFault("AcksTo must equal ReplyTo.");

        Assert.Equal(("CreateSequenceRefused", FaultCodeKind.Sender, FaultScope.Message, null, false), (fault.Subcode, fault.Code, fault.Scope, fault.Identifier, fault.ConnectionLimitReached));
        Assert.Equal(SpecReason + " AcksTo must equal ReplyTo.", fault.Reason);
        Assert.Equal("AcksTo must equal ReplyTo.", fault.Problem);
    }

    [Fact]
    public void Properties_ConnectionLimitReached_IsReceiver()
    {
        var fault = new CreateSequenceRefusedFault("busy", connectionLimitReached: true);

        Assert.Equal((FaultCodeKind.Receiver, true), (fault.Code, fault.ConnectionLimitReached));
        Assert.StartsWith(SpecReason, fault.Reason);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    public void Soap12_ConnectionLimitReached_NestsTheNetRmSubcode(string rmName)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;

        var soapFault = new CreateSequenceRefusedFault("busy", true).ToSoapFault(rm, SoapVersion.Soap12, AddressingVersion.WsAddressing10);
        var view = FaultView.Of(soapFault, SoapVersion.Soap12, AddressingVersion.WsAddressing10, rm);

        Assert.Equal(new XmlQualifiedName("ConnectionLimitReached", Ns.NetRm), soapFault.NestedSubcode);
        Assert.Equal(XNamespace.Get(Ns.Soap12) + "Receiver", view.Code);
        Assert.Equal(XNamespace.Get(rm.Namespace) + "CreateSequenceRefused", view.Subcode);
        Assert.Equal(XNamespace.Get(Ns.NetRm) + "ConnectionLimitReached", view.NestedSubcode);
        Assert.Empty(view.Detail);
    }

    [Fact]
    public void Soap11_ConnectionLimitReached_HasNoNestedSubcode_FaultcodeIsTheSubcode()
    {
        var soapFault = new CreateSequenceRefusedFault("busy", true).ToSoapFault(RmVersion.Rm11, SoapVersion.Soap11, AddressingVersion.WsAddressing10);
        var view = FaultView.Of(soapFault, SoapVersion.Soap11, AddressingVersion.WsAddressing10, RmVersion.Rm11);

        Assert.Null(soapFault.NestedSubcode);
        Assert.Equal(XNamespace.Get(Ns.Rm11) + "CreateSequenceRefused", view.Code);
        Assert.Null(view.SequenceFaultHeader);
        Assert.DoesNotContain(Ns.NetRm, view.Document.ToString());
    }

    [Fact]
    public void Soap12_PlainRefusal_HasNoNestedSubcodeAndNoDetail()
    {
        var view = FaultView.Of(new CreateSequenceRefusedFault("no"), RmVersion.Rm11, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        Assert.Equal(XNamespace.Get(Ns.Soap12) + "Sender", view.Code);
        Assert.Null(view.NestedSubcode);
        Assert.Empty(view.Detail);
        Assert.Empty(view.Document.Descendants(XNamespace.Get(Ns.Soap12) + "Detail"));
    }
}
