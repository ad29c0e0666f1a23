using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Faults;

public sealed class FaultReaderTests
{
    private static readonly AddressingVersion Wsa = AddressingVersion.WsAddressing10;

    public static TheoryData<string, string> Versions() => new()
    {
        { "1.0", "1.1" }, { "1.0", "1.2" }, { "1.1", "1.1" }, { "1.1", "1.2" },
    };

    private static SoapMessage RoundTrip(SoapVersion soap, SoapFault fault)
    {
        var message = new OutgoingMessage(soap, Wsa) { Fault = fault, RelatesTo = "urn:uuid:request", Rm = RmVersion.Rm11 };
        return EnvelopeReader.Read(EnvelopeWriter.ToArray(message));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Reads_a_WS_RM_fault_with_its_subcode_and_identifier(string rmName, string soapName)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var message = RoundTrip(soap, new UnknownSequenceFault("urn:uuid:seq").ToSoapFault(rm, soap, Wsa));

        Assert.True(FaultReader.IsFault(message));
        var fault = FaultReader.Read(message);
        Assert.True(fault.IsRmFault);
        Assert.Equal("UnknownSequence", fault.RmSubcode!.Name);
        Assert.Equal(rm.Namespace, fault.RmSubcode.Namespace);
        Assert.Equal("urn:uuid:seq", fault.Identifier);
        var error = Assert.IsType<WsRmFaultException>(fault.ToException());
        Assert.Equal("UnknownSequence", error.Subcode);
        Assert.Equal(soap == SoapVersion.Soap11 ? "Client" : "Sender", error.Code);
        Assert.Contains("not a known Sequence", error.Reason);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Reads_an_application_fault_with_its_detail(string soapName)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var message = RoundTrip(soap, AddressingFaults.ActionNotSupported(Wsa, "urn:x/Nope"));

        var fault = FaultReader.Read(message);
        Assert.False(fault.IsRmFault);
        var error = Assert.IsType<SoapFaultException>(fault.ToException());
        Assert.Equal("ActionNotSupported", (error.Subcode ?? error.Code).Name);
        Assert.Equal(Wsa.Namespace, (error.Subcode ?? error.Code).Namespace);
        Assert.Contains("urn:x/Nope", error.Reason);
        Assert.Contains("ProblemAction", error.DetailXml);
        Assert.Equal(Wsa.FaultAction, error.Action);
    }

    [Fact]
    public void A_reply_that_is_not_a_fault_is_not_one()
    {
        var message = EnvelopeReader.Read(EnvelopeWriter.ToArray(new OutgoingMessage(SoapVersion.Soap12, Wsa)
        {
            Action = "urn:a", WriteBody = w => w.WriteElementString("Fault", "urn:not-soap", "x"),
        }));
        Assert.False(FaultReader.IsFault(message));
    }
}
