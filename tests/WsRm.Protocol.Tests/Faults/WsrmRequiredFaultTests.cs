using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class WsrmRequiredFaultTests
{
    [Fact]
    public void Properties_FromFaultsMd()
    {
        var fault = new WsrmRequiredFault();

        Assert.Equal(("WSRMRequired", FaultCodeKind.Sender, FaultScope.Message, null), (fault.Subcode, fault.Code, fault.Scope, fault.Identifier));
        Assert.Equal("The RM Destination requires the use of WSRM", fault.Reason);
    }

    [Fact]
    public void Soap11_FaultcodeIsTheSubcode_NoSequenceFaultHeader_NoDetail()
    {
        var view = FaultView.Of(new WsrmRequiredFault(), RmVersion.Rm11, SoapVersion.Soap11, AddressingVersion.WsAddressing10);

        Assert.Equal(XNamespace.Get(Ns.Rm11) + "WSRMRequired", view.Code);
        Assert.Null(view.SequenceFaultHeader);
        Assert.Empty(view.Detail);
        Assert.Null(view.Document.Descendants("detail").FirstOrDefault());
    }

    [Fact]
    public void Soap12_SenderWithSubcode()
    {
        var view = FaultView.Of(new WsrmRequiredFault(), RmVersion.Rm11, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        Assert.Equal((XNamespace.Get(Ns.Soap12) + "Sender", XNamespace.Get(Ns.Rm11) + "WSRMRequired"), (view.Code, view.Subcode));
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", view.Action);
    }
}
