using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Faults;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Faults;

public class SoapFaultsTests
{
    [Fact]
    public void InvalidMessage_IsSenderWithTheProblemAsReason()
    {
        var fault = SoapFaults.InvalidMessage("The message is not a SOAP envelope.");

        Assert.Equal((FaultCodeKind.Sender, null, "The message is not a SOAP envelope."), (fault.Code, fault.Subcode, fault.Reason));
        Assert.Null(fault.WriteDetail);
        Assert.Null(fault.Action);
    }

    [Theory]
    [InlineData("1.1", "MustUnderstand")]
    [InlineData("1.2", "MustUnderstand")]
    public void MustUnderstand_NamesTheHeader(string soapName, string code)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var fault = SoapFaults.MustUnderstand(new XmlQualifiedName("Security", "urn:sec"));
        var view = FaultView.Of(fault, soap, wsa: null);

        Assert.Equal(FaultCodeKind.MustUnderstand, fault.Code);
        Assert.Equal("The header 'urn:sec:Security' was not understood by the recipient of this message.", fault.Reason);
        Assert.Equal(XNamespace.Get(soap.Namespace) + code, view.Code);
    }

    [Fact]
    public void VersionMismatch_NamesTheNamespace()
    {
        var fault = SoapFaults.VersionMismatch("urn:not-soap");

        Assert.Equal(FaultCodeKind.VersionMismatch, fault.Code);
        Assert.Equal("'urn:not-soap' is not a supported SOAP envelope namespace.", fault.Reason);
        Assert.Equal(XNamespace.Get(Ns.Soap11) + "VersionMismatch", FaultView.Of(fault, SoapVersion.Soap11, null).Code);
    }

    [Fact]
    public void VersionMismatch_AgainstTheContentType_NamesBoth()
    {
        var fault = SoapFaults.VersionMismatch(Ns.Soap12, SoapVersion.Soap11);

        Assert.Equal(FaultCodeKind.VersionMismatch, fault.Code);
        Assert.Equal($"The envelope namespace '{Ns.Soap12}' does not match the content type: text/xml carries SOAP 1.1 envelopes ('{Ns.Soap11}').", fault.Reason);
    }

    [Theory]
    [InlineData("1.1", "Server")]
    [InlineData("1.2", "Receiver")]
    public void InternalError_IsReceiverWithoutDetails(string soapName, string code)
    {
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;

        var view = FaultView.Of(SoapFaults.InternalError(), soap, null);

        Assert.Equal(XNamespace.Get(soap.Namespace) + code, view.Code);
        Assert.Equal("The server was unable to process the request due to an internal error.", view.Reason);
        Assert.Empty(view.Detail);
        Assert.Null(view.Subcode);
    }

    [Fact]
    public void HttpStatus_Is500()
    {
        Assert.Equal(500, SoapFault.HttpStatus);
    }
}
