using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

/// <summary>The SOAP 1.1 and 1.2 shapes of a fault (FAULTS.md, "Rules that apply to every fault"), written through <see cref="EnvelopeWriter"/>.</summary>
public class FaultWriterTests
{
    private static readonly XNamespace S11 = Ns.Soap11, S12 = Ns.Soap12, Rm10 = Ns.Rm10, Rm11 = Ns.Rm11, NetRm = Ns.NetRm;
    private static readonly XNamespace XmlNs = "http://www.w3.org/XML/1998/namespace";

    private static SoapFault SampleFault(bool header, bool wrapped, string rmNs = Ns.Rm11) =>
        new(FaultCodeKind.Sender, new XmlQualifiedName("UnknownSequence", rmNs), "The value of wsrm:Identifier is not a known Sequence identifier.")
        {
            WriteDetail = w => w.WriteElementString("r", "Identifier", rmNs, "urn:seq:1"),
            SequenceFaultHeader = header ? rmNs : null,
            SequenceFaultDetailWrapped = wrapped,
        };

    private static XDocument Render(SoapFault fault, SoapVersion soap, RmVersion? rm = null) =>
        TestXml.Render(new OutgoingMessage(soap, AddressingVersion.WsAddressing10) { Rm = rm, Fault = fault });

    [Fact]
    public void Soap12_HasCodeSubcodeReasonAndDetail()
    {
        var doc = Render(SampleFault(header: false, wrapped: false), SoapVersion.Soap12, RmVersion.Rm11);

        var fault = doc.Root!.Element(S12 + "Body")!.Element(S12 + "Fault")!;
        Assert.Equal([S12 + "Code", S12 + "Reason", S12 + "Detail"], fault.Elements().Select(e => e.Name));
        var code = fault.Element(S12 + "Code")!;
        Assert.Equal(S12 + "Sender", TestXml.QNameValue(code.Element(S12 + "Value")!));
        Assert.Equal(Rm11 + "UnknownSequence", TestXml.QNameValue(code.Element(S12 + "Subcode")!.Element(S12 + "Value")!));
        Assert.Null(code.Element(S12 + "Subcode")!.Element(S12 + "Subcode"));
        var text = fault.Element(S12 + "Reason")!.Element(S12 + "Text")!;
        Assert.Equal("en", text.Attribute(XmlNs + "lang")?.Value);
        Assert.Equal("The value of wsrm:Identifier is not a known Sequence identifier.", text.Value);
        Assert.Equal("urn:seq:1", fault.Element(S12 + "Detail")!.Element(Rm11 + "Identifier")?.Value);
    }

    [Fact]
    public void Soap12_NestedSubcode_IsWrittenInsideTheSubcode()
    {
        var fault = new SoapFault(FaultCodeKind.Receiver, new XmlQualifiedName("CreateSequenceRefused", Ns.Rm10), "busy")
        {
            NestedSubcode = new XmlQualifiedName("ConnectionLimitReached", Ns.NetRm),
        };

        var code = Render(fault, SoapVersion.Soap12).Descendants(S12 + "Code").Single();

        Assert.Equal(S12 + "Receiver", TestXml.QNameValue(code.Element(S12 + "Value")!));
        var sub = code.Element(S12 + "Subcode")!;
        Assert.Equal(Rm10 + "CreateSequenceRefused", TestXml.QNameValue(sub.Element(S12 + "Value")!));
        Assert.Equal(NetRm + "ConnectionLimitReached", TestXml.QNameValue(sub.Element(S12 + "Subcode")!.Element(S12 + "Value")!));
    }

    [Theory]
    [InlineData(FaultCodeKind.Sender, "Sender")]
    [InlineData(FaultCodeKind.Receiver, "Receiver")]
    [InlineData(FaultCodeKind.MustUnderstand, "MustUnderstand")]
    [InlineData(FaultCodeKind.VersionMismatch, "VersionMismatch")]
    public void Soap12_Codes(FaultCodeKind code, string expected)
    {
        var doc = Render(new SoapFault(code, null, "r"), SoapVersion.Soap12);

        var codeElement = doc.Descendants(S12 + "Code").Single();
        Assert.Equal(S12 + expected, TestXml.QNameValue(codeElement.Element(S12 + "Value")!));
        Assert.Null(codeElement.Element(S12 + "Subcode"));
        Assert.Empty(doc.Descendants(S12 + "Detail"));
    }

    [Theory]
    [InlineData(FaultCodeKind.Sender, "Client")]
    [InlineData(FaultCodeKind.Receiver, "Server")]
    [InlineData(FaultCodeKind.MustUnderstand, "MustUnderstand")]
    [InlineData(FaultCodeKind.VersionMismatch, "VersionMismatch")]
    public void Soap11_CodesWithoutSubcode(FaultCodeKind code, string expected)
    {
        var doc = Render(new SoapFault(code, null, "r"), SoapVersion.Soap11);

        var fault = doc.Descendants(S11 + "Fault").Single();
        Assert.Equal(S11 + expected, TestXml.QNameValue(fault.Element("faultcode")!));
        Assert.Equal("r", fault.Element("faultstring")?.Value);
        Assert.Null(fault.Element("detail"));
    }

    [Fact]
    public void Soap11_BodyFault_PutsTheSubcodeInFaultcodeAndTheDetailInDetail()
    {
        var doc = Render(SampleFault(header: false, wrapped: false, Ns.Rm10), SoapVersion.Soap11, RmVersion.Rm10);

        var fault = doc.Root!.Element(S11 + "Body")!.Element(S11 + "Fault")!;
        Assert.Equal([XName.Get("faultcode"), XName.Get("faultstring"), XName.Get("detail")], fault.Elements().Select(e => e.Name));
        Assert.Equal(Rm10 + "UnknownSequence", TestXml.QNameValue(fault.Element("faultcode")!));
        Assert.Equal("The value of wsrm:Identifier is not a known Sequence identifier.", fault.Element("faultstring")!.Value);
        Assert.Equal("urn:seq:1", fault.Element("detail")!.Element(Rm10 + "Identifier")?.Value);
        Assert.Null(doc.Root.Element(S11 + "Header")!.Element(Rm10 + "SequenceFault"));
    }

    [Fact]
    public void Soap11_HeaderFault_Rm11_KeepsClientAndMovesSubcodeAndWrappedDetailToSequenceFault()
    {
        var doc = Render(SampleFault(header: true, wrapped: true, Ns.Rm11), SoapVersion.Soap11, RmVersion.Rm11);

        var fault = doc.Descendants(S11 + "Fault").Single();
        Assert.Equal(S11 + "Client", TestXml.QNameValue(fault.Element("faultcode")!));
        Assert.Null(fault.Element("detail"));
        var sequenceFault = doc.Root!.Element(S11 + "Header")!.Element(Rm11 + "SequenceFault")!;
        Assert.Equal([Rm11 + "FaultCode", Rm11 + "Detail"], sequenceFault.Elements().Select(e => e.Name));
        Assert.Equal(Rm11 + "UnknownSequence", TestXml.QNameValue(sequenceFault.Element(Rm11 + "FaultCode")!));
        Assert.Equal("urn:seq:1", sequenceFault.Element(Rm11 + "Detail")!.Element(Rm11 + "Identifier")?.Value);
    }

    [Fact]
    public void Soap11_HeaderFault_Rm10_PutsTheDetailInlineAfterFaultCode()
    {
        var doc = Render(SampleFault(header: true, wrapped: false, Ns.Rm10), SoapVersion.Soap11, RmVersion.Rm10);

        var sequenceFault = doc.Root!.Element(S11 + "Header")!.Element(Rm10 + "SequenceFault")!;
        Assert.Equal([Rm10 + "FaultCode", Rm10 + "Identifier"], sequenceFault.Elements().Select(e => e.Name));
        Assert.Equal("urn:seq:1", sequenceFault.Element(Rm10 + "Identifier")!.Value);
    }

    [Fact]
    public void Soap11_HeaderFault_WithoutRmVersionOnTheMessage_StillDeclaresItsNamespace()
    {
        var doc = Render(SampleFault(header: true, wrapped: false, Ns.Rm10), SoapVersion.Soap11, rm: null);

        var sequenceFault = doc.Root!.Element(S11 + "Header")!.Element(Rm10 + "SequenceFault")!;
        Assert.Equal(Rm10 + "UnknownSequence", TestXml.QNameValue(sequenceFault.Element(Rm10 + "FaultCode")!));
    }

    [Fact]
    public void Soap11_FaultReadsBackAsAnEnvelopeWithSequenceFaultHeader()
    {
        var bytes = EnvelopeWriter.ToArray(new OutgoingMessage(SoapVersion.Soap11, AddressingVersion.WsAddressing10)
        {
            Rm = RmVersion.Rm11,
            Fault = SampleFault(header: true, wrapped: true),
            Action = RmVersion.Rm11.FaultAction,
        });

        var read = EnvelopeReader.Read(bytes);

        Assert.Same(RmVersion.Rm11, read.RmVersion);
        Assert.Equal("http://docs.oasis-open.org/ws-rx/wsrm/200702/fault", read.Action);
        Assert.Equal(new XmlQualifiedName("Fault", Ns.Soap11), read.BodyElement);
    }
}
