using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

/// <summary>Bodies written by <see cref="RmBodyWriter"/> and read back by <see cref="RmBodyReader"/>.</summary>
public class RmBodyWriterTests
{
    private static readonly XNamespace Rm10 = Ns.Rm10, Rm11 = Ns.Rm11, Wsa10 = Ns.Wsa10, Wsa200408 = Ns.Wsa200408;

    private static T RoundTrip<T>(Action<XmlWriter> write, Func<XmlReader, T> read)
    {
        using var reader = TestXml.ReaderOn(TestXml.Write(write));
        var value = read(reader);
        Assert.True(reader.EOF);
        return value;
    }

    [Fact]
    public void CreateSequence_Rm11_RoundTripsEveryField()
    {
        var wsa = AddressingVersion.WsAddressing10;
        var cs = new CreateSequence(
            new EndpointReference("http://client/acks", "<c:Id xmlns:c=\"urn:c\">7</c:Id>"),
            TimeSpan.FromHours(2),
            new Offer("urn:uuid:offer", new EndpointReference("http://client/acks"), TimeSpan.FromMinutes(5), IncompleteSequenceBehavior.DiscardFollowingFirstGap));

        var read = RoundTrip(w => RmBodyWriter.WriteCreateSequence(w, RmVersion.Rm11, wsa, cs), r => RmBodyReader.ReadCreateSequence(r, RmVersion.Rm11, wsa));

        Assert.Equal(cs.AcksTo.Address, read.AcksTo.Address);
        Assert.Equal(XElement.Parse(cs.AcksTo.ReferenceParametersXml!).ToString(), XElement.Parse(read.AcksTo.ReferenceParametersXml!).ToString());
        Assert.Equal(cs.Expires, read.Expires);
        Assert.Equal(cs.Offer, read.Offer);
    }

    [Fact]
    public void CreateSequence_Rm10_DropsOfferEndpointAndBehavior()
    {
        var wsa = AddressingVersion.WsAddressing200408;
        var cs = new CreateSequence(new EndpointReference(wsa.AnonymousUri), null,
            new Offer("urn:o", new EndpointReference("http://client"), null, IncompleteSequenceBehavior.NoDiscard));

        var read = RoundTrip(w => RmBodyWriter.WriteCreateSequence(w, RmVersion.Rm10, wsa, cs), r => RmBodyReader.ReadCreateSequence(r, RmVersion.Rm10, wsa));

        Assert.Equal(new CreateSequence(new EndpointReference(wsa.AnonymousUri), null, new Offer("urn:o", null, null, null)), read);
    }

    [Fact]
    public void CreateSequence_ElementShape()
    {
        var cs = new CreateSequence(new EndpointReference("http://a"), TimeSpan.FromSeconds(90), new Offer("urn:o", new EndpointReference("http://a"), null, IncompleteSequenceBehavior.NoDiscard));

        var e = TestXml.WriteElement(w => RmBodyWriter.WriteCreateSequence(w, RmVersion.Rm11, AddressingVersion.WsAddressing10, cs));

        Assert.Equal(Rm11 + "CreateSequence", e.Name);
        Assert.Equal([Rm11 + "AcksTo", Rm11 + "Expires", Rm11 + "Offer"], e.Elements().Select(c => c.Name));
        Assert.Equal("http://a", e.Element(Rm11 + "AcksTo")!.Element(Wsa10 + "Address")!.Value);
        Assert.Equal("PT1M30S", e.Element(Rm11 + "Expires")!.Value);
        Assert.Equal([Rm11 + "Identifier", Rm11 + "Endpoint", Rm11 + "IncompleteSequenceBehavior"], e.Element(Rm11 + "Offer")!.Elements().Select(c => c.Name));
        Assert.Equal("NoDiscard", e.Element(Rm11 + "Offer")!.Element(Rm11 + "IncompleteSequenceBehavior")!.Value);
    }

    [Fact]
    public void CreateSequence_InfiniteExpires_IsNotWritten()
    {
        var e = TestXml.WriteElement(w => RmBodyWriter.WriteCreateSequence(w, RmVersion.Rm10, AddressingVersion.WsAddressing10,
            new CreateSequence(new EndpointReference("http://a"), TimeSpan.MaxValue, null)));

        Assert.Null(e.Element(Rm10 + "Expires"));
    }

    [Fact]
    public void EndpointReference_Wsa200408_UsesReferenceProperties()
    {
        var e = TestXml.WriteElement(w => RmBodyWriter.WriteCreateSequence(w, RmVersion.Rm10, AddressingVersion.WsAddressing200408,
            new CreateSequence(new EndpointReference("http://a", "<p xmlns=\"urn:p\"/>"), null, null)));

        var acksTo = e.Element(Rm10 + "AcksTo")!;
        Assert.NotNull(acksTo.Element(Wsa200408 + "ReferenceProperties"));
        Assert.Null(acksTo.Element(Wsa200408 + "ReferenceParameters"));
    }

    public static TheoryData<string, CreateSequenceResponse> Responses => new()
    {
        { "1.0", new CreateSequenceResponse("urn:uuid:s", null, null, null) },
        { "1.0", new CreateSequenceResponse("urn:uuid:s", TimeSpan.FromDays(1), null, new EndpointReference("http://server/svc")) },
        { "1.1", new CreateSequenceResponse("urn:uuid:s", null, IncompleteSequenceBehavior.DiscardFollowingFirstGap, new EndpointReference("http://server/svc")) },
        { "1.1", new CreateSequenceResponse("urn:uuid:s", TimeSpan.FromSeconds(1), IncompleteSequenceBehavior.NoDiscard, null) },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void CreateSequenceResponse_RoundTrip(string rmName, CreateSequenceResponse csr)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
        var wsa = AddressingVersion.WsAddressing10;

        Assert.Equal(csr, RoundTrip(w => RmBodyWriter.WriteCreateSequenceResponse(w, rm, wsa, csr), r => RmBodyReader.ReadCreateSequenceResponse(r, rm, wsa)));
    }

    [Fact]
    public void CreateSequenceResponse_Rm10_DropsIncompleteSequenceBehavior()
    {
        var csr = new CreateSequenceResponse("urn:s", null, IncompleteSequenceBehavior.DiscardEntireSequence, null);

        var e = TestXml.WriteElement(w => RmBodyWriter.WriteCreateSequenceResponse(w, RmVersion.Rm10, AddressingVersion.WsAddressing10, csr));

        Assert.Equal([Rm10 + "Identifier"], e.Elements().Select(c => c.Name));
    }

    public static TheoryData<string, SequenceControl, ulong?> Controls => new()
    {
        { "1.1", new SequenceControl(SequenceControlKind.CloseSequence, "urn:s", 30), 30UL },
        { "1.1", new SequenceControl(SequenceControlKind.CloseSequence, "urn:s", null), null },
        { "1.1", new SequenceControl(SequenceControlKind.TerminateSequence, "urn:s", 30), 30UL },
        { "1.1", new SequenceControl(SequenceControlKind.CloseSequenceResponse, "urn:s", 30), null },
        { "1.1", new SequenceControl(SequenceControlKind.TerminateSequenceResponse, "urn:s", 30), null },
        { "1.0", new SequenceControl(SequenceControlKind.TerminateSequence, "urn:s", 30), null },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public void SequenceControl_RoundTrip_LastMsgNumberOnlyOnRm11Requests(string rmName, SequenceControl control, ulong? expectedLast)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;

        var read = RoundTrip(w => RmBodyWriter.WriteSequenceControl(w, rm, control), r => RmBodyReader.ReadSequenceControl(r, rm, control.Kind));

        Assert.Equal(control with { LastMessageNumber = expectedLast }, read);
    }

    [Fact]
    public void SequenceControl_ElementName_IsTheKind()
    {
        var e = TestXml.WriteElement(w => RmBodyWriter.WriteSequenceControl(w, RmVersion.Rm11, new SequenceControl(SequenceControlKind.TerminateSequenceResponse, "urn:s", null)));

        Assert.Equal(Rm11 + "TerminateSequenceResponse", e.Name);
        Assert.Equal("urn:s", e.Element(Rm11 + "Identifier")!.Value);
    }
}
