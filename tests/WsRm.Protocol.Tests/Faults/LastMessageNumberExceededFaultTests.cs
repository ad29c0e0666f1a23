using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class LastMessageNumberExceededFaultTests
{
    [Fact]
    public void Properties_FromFaultsMd_Unrecoverable()
    {
        var fault = new LastMessageNumberExceededFault("urn:s");

        Assert.Equal(("LastMessageNumberExceeded", FaultCodeKind.Sender, FaultScope.Sequence), (fault.Subcode, fault.Code, fault.Scope));
        Assert.Equal("The value for wsrm:MessageNumber exceeds the value of the MessageNumber accompanying a LastMessage element in this Sequence.", fault.Reason);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Rm10_SubcodeAndIdentifierDetail(string soapName)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new LastMessageNumberExceededFault("urn:s"), RmVersion.Rm10, soap, AddressingVersion.WsAddressing10);

        XNamespace rm = Ns.Rm10;
        Assert.Equal(rm + "LastMessageNumberExceeded", view.Subcode);
        Assert.Equal((rm + "Identifier", "urn:s"), (Assert.Single(view.Detail).Name, view.Detail[0].Value));
        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", view.Action);
    }
}
