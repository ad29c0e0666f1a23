using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class MessageNumberRolloverFaultTests
{
    [Fact]
    public void Properties_FromFaultsMd()
    {
        var fault = new MessageNumberRolloverFault("urn:s", 9_223_372_036_854_775_806);

        Assert.Equal(("MessageNumberRollover", FaultCodeKind.Sender, FaultScope.Message), (fault.Subcode, fault.Code, fault.Scope));
        Assert.Equal("The maximum value for wsrm:MessageNumber has been exceeded.", fault.Reason);
        Assert.Equal(9_223_372_036_854_775_806UL, fault.MaxMessageNumber);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Rm11_DetailIsIdentifierThenMaxMessageNumber(string soapName)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new MessageNumberRolloverFault("urn:s", 9_223_372_036_854_775_806), RmVersion.Rm11, soap, AddressingVersion.WsAddressing10);

        XNamespace rm = Ns.Rm11;
        Assert.Equal([rm + "Identifier", rm + "MaxMessageNumber"], view.Detail.Select(e => e.Name));
        Assert.Equal(["urn:s", "9223372036854775806"], view.Detail.Select(e => e.Value));
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Rm10_DetailIsOnlyTheIdentifier(string soapName)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new MessageNumberRolloverFault("urn:s", 100), RmVersion.Rm10, soap, AddressingVersion.WsAddressing10);

        Assert.Equal([XNamespace.Get(Ns.Rm10) + "Identifier"], view.Detail.Select(e => e.Name));
    }
}
