using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class SequenceTerminatedFaultTests
{
    private const string SpecReason = "The Sequence has been terminated due to an unrecoverable error.";

    [Theory]
    [InlineData(FaultCodeKind.Sender)]
    [InlineData(FaultCodeKind.Receiver)]
    public void Properties_CodeIsTheGivenOne_ScopeIsSequence(FaultCodeKind code)
    {
        var fault = new SequenceTerminatedFault("urn:s", code, "message number 0");

        Assert.Equal(("SequenceTerminated", code, FaultScope.Sequence, "message number 0"), (fault.Subcode, fault.Code, fault.Scope, fault.Problem));
        Assert.StartsWith(SpecReason + " ", fault.Reason);
        Assert.Equal(SpecReason + " message number 0", fault.Reason);
    }

    [Theory]
    [InlineData(FaultCodeKind.Sender, "1.1", "Client")]
    [InlineData(FaultCodeKind.Receiver, "1.1", "Server")]
    [InlineData(FaultCodeKind.Sender, "1.2", "Sender")]
    [InlineData(FaultCodeKind.Receiver, "1.2", "Receiver")]
    public void Code_IsSpelledForTheSoapVersion(FaultCodeKind code, string soapName, string expected)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new SequenceTerminatedFault("urn:s", code, "x"), RmVersion.Rm11, soap, AddressingVersion.WsAddressing10);

        Assert.Equal(XNamespace.Get(soap.Namespace) + expected, view.Code);
        Assert.Equal(XNamespace.Get(Ns.Rm11) + "SequenceTerminated", view.Subcode);
        Assert.Equal("urn:s", Assert.Single(view.Detail).Value);
    }
}
