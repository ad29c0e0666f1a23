using System.Xml.Linq;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

/// <summary>The XML shape of the RM headers (read-back is in <see cref="RmHeaderReaderTests"/>).</summary>
public class RmHeaderWriterTests
{
    private static readonly XNamespace Rm10 = Ns.Rm10, Rm11 = Ns.Rm11, NetRm = Ns.NetRm, S11 = Ns.Soap11, S12 = Ns.Soap12;

    [Fact]
    public void WriteSequence_IsMustUnderstand_InTheSoapVersionSpelling()
    {
        var s12 = TestXml.WriteElement(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm11, new SequenceHeader("urn:s", 1, false), SoapVersion.Soap12));
        var s11 = TestXml.WriteElement(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm10, new SequenceHeader("urn:s", 1, false), SoapVersion.Soap11));

        Assert.Equal("true", s12.Attribute(S12 + "mustUnderstand")?.Value);
        Assert.Equal("1", s11.Attribute(S11 + "mustUnderstand")?.Value);
    }

    [Fact]
    public void WriteSequence_ElementsInSchemaOrder()
    {
        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm10, new SequenceHeader("urn:s", 10, true), SoapVersion.Soap12));

        Assert.Equal(Rm10 + "Sequence", e.Name);
        Assert.Equal([Rm10 + "Identifier", Rm10 + "MessageNumber", Rm10 + "LastMessage"], e.Elements().Select(c => c.Name));
        Assert.Equal(("urn:s", "10", ""), (e.Element(Rm10 + "Identifier")!.Value, e.Element(Rm10 + "MessageNumber")!.Value, e.Element(Rm10 + "LastMessage")!.Value));
    }

    [Fact]
    public void WriteSequence_Rm11_NeverWritesLastMessage()
    {
        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm11, new SequenceHeader("urn:s", 10, true), SoapVersion.Soap12));

        Assert.Equal([Rm11 + "Identifier", Rm11 + "MessageNumber"], e.Elements().Select(c => c.Name));
    }

    [Fact]
    public void WriteAcknowledgement_RangesThenNacksThenFinalThenBufferRemaining()
    {
        var ack = new SequenceAcknowledgement { Identifier = "urn:s", Ranges = [new(1, 2), new(4, 4)], Final = true, BufferRemaining = 3 };

        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteAcknowledgement(w, RmVersion.Rm11, ack));

        Assert.Equal([Rm11 + "Identifier", Rm11 + "AcknowledgementRange", Rm11 + "AcknowledgementRange", Rm11 + "Final", NetRm + "BufferRemaining"],
            e.Elements().Select(c => c.Name));
        var range = e.Elements(Rm11 + "AcknowledgementRange").First();
        Assert.Equal(("1", "2"), (range.Attribute("Lower")?.Value, range.Attribute("Upper")?.Value));
        Assert.Equal("3", e.Element(NetRm + "BufferRemaining")!.Value);
    }

    [Fact]
    public void WriteAcknowledgement_Rm11Empty_WritesNone()
    {
        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteAcknowledgement(w, RmVersion.Rm11, new SequenceAcknowledgement { Identifier = "urn:s", Final = true }));

        Assert.Equal([Rm11 + "Identifier", Rm11 + "None", Rm11 + "Final"], e.Elements().Select(c => c.Name));
    }

    [Fact]
    public void WriteAcknowledgement_Rm10_NeverWritesNoneOrFinal_AndWritesNothingReceivedAsZeroRange()
    {
        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteAcknowledgement(w, RmVersion.Rm10, new SequenceAcknowledgement { Identifier = "urn:s", None = true, Final = true }));

        // 1.0's schema needs a range or a Nack; WCF writes 0-0 for "nothing received" (B1402).
        Assert.Equal([Rm10 + "Identifier", Rm10 + "AcknowledgementRange"], e.Elements().Select(c => c.Name));
        var range = e.Element(Rm10 + "AcknowledgementRange")!;
        Assert.Equal(("0", "0"), ((string?)range.Attribute("Lower"), (string?)range.Attribute("Upper")));
    }

    [Fact]
    public void WriteAcknowledgement_Nacks_AreWrittenWithoutNone()
    {
        var e = TestXml.WriteElement(w => RmHeaderWriter.WriteAcknowledgement(w, RmVersion.Rm11, new SequenceAcknowledgement { Identifier = "urn:s", Nacks = [3, 4] }));

        Assert.Equal(["3", "4"], e.Elements(Rm11 + "Nack").Select(n => n.Value));
        Assert.Null(e.Element(Rm11 + "None"));
    }

    [Fact]
    public void WriteAckRequested_MaxMessageNumberUsedOnlyInRm10()
    {
        var rm10 = TestXml.WriteElement(w => RmHeaderWriter.WriteAckRequested(w, RmVersion.Rm10, new AckRequested("urn:s", 5)));
        var rm11 = TestXml.WriteElement(w => RmHeaderWriter.WriteAckRequested(w, RmVersion.Rm11, new AckRequested("urn:s", 5)));

        Assert.Equal("5", rm10.Element(Rm10 + "MaxMessageNumberUsed")?.Value);
        Assert.Equal([Rm11 + "Identifier"], rm11.Elements().Select(c => c.Name));
    }
}
