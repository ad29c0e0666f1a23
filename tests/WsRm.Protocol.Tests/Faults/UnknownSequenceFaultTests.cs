using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class UnknownSequenceFaultTests
{
    [Fact]
    public void Properties_FromFaultsMd()
    {
        var fault = new UnknownSequenceFault("urn:uuid:never-issued");

        Assert.Equal(("UnknownSequence", FaultCodeKind.Sender, FaultScope.Message, "urn:uuid:never-issued"), (fault.Subcode, fault.Code, fault.Scope, fault.Identifier));
        Assert.Equal("The value of wsrm:Identifier is not a known Sequence identifier.", fault.Reason);
    }

    [Fact]
    public void Soap12_Rm11_SenderWithSubcodeAndIdentifierDetail()
    {
        var view = FaultView.Of(new UnknownSequenceFault("urn:s"), RmVersion.Rm11, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        Assert.Equal(XNamespace.Get(Ns.Soap12) + "Sender", view.Code);
        Assert.Equal(XNamespace.Get(Ns.Rm11) + "UnknownSequence", view.Subcode);
        Assert.Equal("urn:s", Assert.Single(view.Detail, e => e.Name == XNamespace.Get(Ns.Rm11) + "Identifier").Value);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", view.Action);
    }

    [Fact]
    public void Soap11_Rm10_ClientWithInlineIdentifierInSequenceFault()
    {
        // CXF SequenceTest.testUnknownSequence: SOAP 1.1 fault code Client, no subcode, SequenceFault header present.
        var view = FaultView.Of(new UnknownSequenceFault("urn:s"), RmVersion.Rm10, SoapVersion.Soap11, AddressingVersion.WsAddressing200408);

        XNamespace rm = Ns.Rm10;
        Assert.Equal(XNamespace.Get(Ns.Soap11) + "Client", view.Code);
        Assert.Equal([rm + "FaultCode", rm + "Identifier"], view.SequenceFaultHeader!.Elements().Select(e => e.Name));
        Assert.Equal("urn:s", view.SequenceFaultHeader.Element(rm + "Identifier")!.Value);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", view.Action);
    }

    [Fact]
    public void Soap11_Rm11_IdentifierWrappedInDetail()
    {
        var view = FaultView.Of(new UnknownSequenceFault("urn:s"), RmVersion.Rm11, SoapVersion.Soap11, AddressingVersion.WsAddressing10);

        XNamespace rm = Ns.Rm11;
        Assert.Equal([rm + "FaultCode", rm + "Detail"], view.SequenceFaultHeader!.Elements().Select(e => e.Name));
        Assert.Equal("urn:s", view.SequenceFaultHeader.Element(rm + "Detail")!.Element(rm + "Identifier")!.Value);
    }
}
