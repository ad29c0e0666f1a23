using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class SequenceClosedFaultTests
{
    [Fact]
    public void Properties_FromFaultsMd()
    {
        var fault = new SequenceClosedFault("urn:s");

        Assert.Equal(("SequenceClosed", FaultCodeKind.Sender, FaultScope.Message), (fault.Subcode, fault.Code, fault.Scope));
        Assert.Equal("The Sequence is closed and cannot accept new messages.", fault.Reason);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Detail_IsTheIdentifier(string soapName)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new SequenceClosedFault("urn:s"), RmVersion.Rm11, soap, AddressingVersion.WsAddressing10);

        var identifier = Assert.Single(view.Detail);
        Assert.Equal((XNamespace.Get(Ns.Rm11) + "Identifier", "urn:s"), (identifier.Name, identifier.Value));
        Assert.Equal(XNamespace.Get(Ns.Rm11) + "SequenceClosed", view.Subcode);
    }
}
