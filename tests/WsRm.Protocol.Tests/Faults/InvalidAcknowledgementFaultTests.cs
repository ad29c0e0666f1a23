using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class InvalidAcknowledgementFaultTests
{
    private static readonly SequenceAcknowledgement Offending = new()
    {
        Identifier = "urn:reply", Ranges = [new(1, 2), new(4, 9)], Final = true, BufferRemaining = 3,
    };

    [Fact]
    public void Properties_FromFaultsMd()
    {
        var fault = new InvalidAcknowledgementFault(Offending);

        Assert.Equal(("InvalidAcknowledgement", FaultCodeKind.Sender, FaultScope.Message, "urn:reply"), (fault.Subcode, fault.Code, fault.Scope, fault.Identifier));
        Assert.Equal("The SequenceAcknowledgement violates the cumulative Acknowledgement invariant.", fault.Reason);
        Assert.Same(Offending, fault.Acknowledgement);
    }

    [Theory]
    [InlineData("1.0", "1.1")]
    [InlineData("1.0", "1.2")]
    [InlineData("1.1", "1.1")]
    [InlineData("1.1", "1.2")]
    public void Detail_IsTheSequenceAcknowledgement_WithoutFinalOrBufferRemaining(string rmName, string soapName)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(new InvalidAcknowledgementFault(Offending), rm, soap, AddressingVersion.WsAddressing10);

        XNamespace r = rm.Namespace;
        var ack = Assert.Single(view.Detail);
        Assert.Equal(r + "SequenceAcknowledgement", ack.Name);
        Assert.Equal([r + "Identifier", r + "AcknowledgementRange", r + "AcknowledgementRange"], ack.Elements().Select(e => e.Name));
        Assert.Equal("urn:reply", ack.Element(r + "Identifier")!.Value);
        Assert.Equal([("1", "2"), ("4", "9")], ack.Elements(r + "AcknowledgementRange").Select(e => (e.Attribute("Lower")!.Value, e.Attribute("Upper")!.Value)));
    }

    [Fact]
    public void Detail_ReadsBackWithTheHeaderReader()
    {
        var view = FaultView.Of(new InvalidAcknowledgementFault(Offending with { Final = false, BufferRemaining = null }), RmVersion.Rm11, SoapVersion.Soap12, AddressingVersion.WsAddressing10);

        using var reader = TestXml.ReaderOn(view.Detail[0].ToString());
        var read = RmHeaderReader.ReadAcknowledgement(reader, RmVersion.Rm11);

        Assert.Equal(Offending.Ranges, read.Ranges);
        Assert.Equal("urn:reply", read.Identifier);
    }
}
