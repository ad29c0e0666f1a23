using System.Buffers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.Soap;

public class EnvelopeWriterTests
{
    public static TheoryData<string, string, string> Versions => new()
    {
        { "1.1", Ns.Wsa10, "1.0" },
        { "1.1", Ns.Wsa200408, "1.0" },
        { "1.2", Ns.Wsa10, "1.0" },
        { "1.2", Ns.Wsa10, "1.1" },
        { "1.1", Ns.Wsa10, "1.1" },
    };

    private static SoapVersion Soap(string name) => name == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;
    private static RmVersion Rm(string name) => name == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Write_EveryHeaderKind_ReadsBackWithEnvelopeReader(string soapName, string wsaNs, string rmName)
    {
        var soap = Soap(soapName);
        var rm = Rm(rmName);
        var wsa = AddressingVersion.FromNamespace(wsaNs)!;
        var outgoing = new OutgoingMessage(soap, wsa)
        {
            Action = "urn:echo",
            MessageId = "urn:uuid:0d6a1a2e-0000-4000-8000-000000000001",
            RelatesTo = "urn:uuid:0d6a1a2e-0000-4000-8000-000000000002",
            To = "http://client/reply",
            Rm = rm,
            Sequence = new SequenceHeader("urn:uuid:reply-seq", 3, LastMessage: !rm.Is11),
            WriteBody = w => w.WriteElementString("e", "EchoResponse", "urn:echo", "pong"),
        };
        outgoing.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = "urn:uuid:req-seq", Ranges = [new(1, 2), new(4, 9)], BufferRemaining = 5 });
        outgoing.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = "urn:uuid:other", Nacks = [3, 5] });
        outgoing.AckRequests.Add(new AckRequested("urn:uuid:reply-seq", rm.Is11 ? null : 3UL));

        var bytes = EnvelopeWriter.ToArray(outgoing);
        var read = EnvelopeReader.Read(bytes);

        Assert.Same(soap, read.Version);
        Assert.Same(wsa, read.Addressing.Version);
        Assert.Equal(("urn:echo", "urn:uuid:0d6a1a2e-0000-4000-8000-000000000001", "urn:uuid:0d6a1a2e-0000-4000-8000-000000000002", "http://client/reply"),
            (read.Action, read.Addressing.MessageId, read.Addressing.RelatesTo, read.Addressing.To));
        Assert.Same(rm, read.RmVersion);
        Assert.Equal(outgoing.Sequence, read.Sequence);
        Assert.Equal(2, read.Acknowledgements.Count);
        Assert.Equal(("urn:uuid:req-seq", 5), (read.Acknowledgements[0].Identifier, read.Acknowledgements[0].BufferRemaining));
        Assert.Equal([new AckRange(1, 2), new AckRange(4, 9)], read.Acknowledgements[0].Ranges);
        Assert.Equal(new ulong[] { 3, 5 }, read.Acknowledgements[1].Nacks);
        Assert.Equal(outgoing.AckRequests[0], Assert.Single(read.AckRequests));
        Assert.Empty(read.NotUnderstood); // Action, To and Sequence carry mustUnderstand and are all understood
        Assert.Equal(new XmlQualifiedName("EchoResponse", "urn:echo"), read.BodyElement);
        using var body = read.CreateBodyReader();
        Assert.Equal("pong", body.ReadElementContentAsString());
    }

    [Fact]
    public void Write_IsUtf8WithoutBomOrDeclaration()
    {
        var bytes = EnvelopeWriter.ToArray(new OutgoingMessage(SoapVersion.Soap12, null));

        Assert.Equal((byte)'<', bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<s:Envelope", text);
        Assert.DoesNotContain("<?xml", text);
    }

    [Fact]
    public void Write_ToStream_WritesTheSameBytesAndLeavesTheStreamOpen()
    {
        var message = new OutgoingMessage(SoapVersion.Soap11, AddressingVersion.WsAddressing200408) { Action = "urn:a" };
        using var stream = new MemoryStream();

        EnvelopeWriter.Write(message, stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(EnvelopeWriter.ToArray(message), stream.ToArray());
    }

    [Fact]
    public void Write_ActionAndTo_CarryMustUnderstandInTheSoapVersionSpelling()
    {
        var doc11 = TestXml.Render(new OutgoingMessage(SoapVersion.Soap11, AddressingVersion.WsAddressing10) { Action = "urn:a", To = "http://x" });
        var doc12 = TestXml.Render(new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Action = "urn:a", To = "http://x" });

        XNamespace a = Ns.Wsa10, s11 = Ns.Soap11, s12 = Ns.Soap12;
        Assert.Equal("1", doc11.Descendants(a + "Action").Single().Attribute(s11 + "mustUnderstand")?.Value);
        Assert.Equal("1", doc11.Descendants(a + "To").Single().Attribute(s11 + "mustUnderstand")?.Value);
        Assert.Equal("true", doc12.Descendants(a + "Action").Single().Attribute(s12 + "mustUnderstand")?.Value);
        Assert.Equal("true", doc12.Descendants(a + "To").Single().Attribute(s12 + "mustUnderstand")?.Value);
    }

    [Fact]
    public void Write_WithoutAddressingOrRm_WritesAnEmptyHeaderAndTheBody()
    {
        var doc = TestXml.Render(new OutgoingMessage(SoapVersion.Soap11, null)
        {
            Action = "urn:ignored-without-addressing",
            WriteBody = w => w.WriteElementString("r", "urn:r", "v"),
        });

        XNamespace s = Ns.Soap11;
        var envelope = doc.Root!;
        Assert.Equal(s + "Envelope", envelope.Name);
        Assert.Equal([s + "Header", s + "Body"], envelope.Elements().Select(e => e.Name));
        Assert.Empty(envelope.Element(s + "Header")!.Elements());
        Assert.Equal("v", envelope.Element(s + "Body")!.Element(XName.Get("r", "urn:r"))?.Value);
        Assert.DoesNotContain("urn:ignored-without-addressing", doc.ToString());
    }

    [Fact]
    public void Write_NoBody_WritesAnEmptyBody()
    {
        var read = EnvelopeReader.Read(EnvelopeWriter.ToArray(new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Action = "urn:a" }));

        Assert.Null(read.BodyElement);
    }

    [Fact]
    public void Write_RmHeadersWithoutRmVersion_AreNotWritten()
    {
        var outgoing = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Sequence = new SequenceHeader("urn:s", 1, false) };
        outgoing.AckRequests.Add(new AckRequested("urn:s", null));

        var read = EnvelopeReader.Read(EnvelopeWriter.ToArray(outgoing));

        Assert.Null(read.RmVersion);
        Assert.Null(read.Sequence);
        Assert.Empty(read.AckRequests);
    }

    [Fact]
    public void EffectiveAction_PrefersTheExplicitAction_ThenTheFaultsThenTheAddressingFaultAction()
    {
        var fault = new SoapFault(FaultCodeKind.Sender, null, "bad");

        Assert.Equal("urn:explicit", new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Action = "urn:explicit", Fault = fault with { Action = "urn:f" } }.EffectiveAction);
        Assert.Equal("urn:f", new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Fault = fault with { Action = "urn:f" } }.EffectiveAction);
        Assert.Equal("http://www.w3.org/2005/08/addressing/soap/fault", new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10) { Fault = fault }.EffectiveAction);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", new OutgoingMessage(SoapVersion.Soap11, AddressingVersion.WsAddressing200408) { Fault = fault }.EffectiveAction);
        Assert.Null(new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10).EffectiveAction);
        Assert.Null(new OutgoingMessage(SoapVersion.Soap12, null) { Fault = fault }.EffectiveAction);
    }

    [Fact]
    public void Write_FaultWithDefaultAction_ReadsBackWithTheAddressingFaultAction()
    {
        var read = EnvelopeReader.Read(EnvelopeWriter.ToArray(new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing200408)
        {
            Fault = new SoapFault(FaultCodeKind.Receiver, null, "oops"),
        }));

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", read.Action);
        Assert.Equal(new XmlQualifiedName("Fault", Ns.Soap12), read.BodyElement);
    }

    private static OutgoingMessage Echo(string text) => new(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
    {
        Action = "urn:echo",
        Rm = RmVersion.Rm10,
        Sequence = new SequenceHeader("urn:uuid:s", 7, false),
        WriteBody = w => w.WriteElementString("Echo", "urn:echo", text),
    };

    private static string BodyText(byte[] envelope)
    {
        using var body = EnvelopeReader.Read(envelope).CreateBodyReader();
        return body.ReadElementContentAsString();
    }

    [Theory]
    [InlineData("1.1", new[] { Ns.Soap11, Ns.Soap12 })]
    [InlineData("1.2", new[] { Ns.Soap12, Ns.Soap11 })]
    public void Write_VersionMismatchFault_HasAnUpgradeHeaderListingBothEnvelopes_TheFaultsVersionFirst(string soapName, string[] expected)
    {
        // SOAP 1.2 Part 1 §5.4.7 (and Appendix A for SOAP 1.1 faults): env:Upgrade/env:SupportedEnvelope/@qname.
        var soap = soapName == "1.1" ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var doc = TestXml.Render(new OutgoingMessage(soap, null) { Fault = SoapFaults.VersionMismatch("urn:not-soap") });

        XNamespace env = Ns.Soap12;
        var upgrade = doc.Root!.Element(XName.Get("Header", soap.Namespace))!.Element(env + "Upgrade");
        Assert.NotNull(upgrade);
        var supported = upgrade.Elements(env + "SupportedEnvelope").Select(e =>
        {
            var qname = e.Attribute("qname")!.Value.Split(':');
            Assert.Equal("Envelope", qname[1]);
            return e.GetNamespaceOfPrefix(qname[0])!.NamespaceName;
        });
        Assert.Equal(expected, supported);
    }

    [Fact]
    public void Write_OtherFaults_HaveNoUpgradeHeader()
    {
        var doc = TestXml.Render(new OutgoingMessage(SoapVersion.Soap12, null) { Fault = SoapFaults.InvalidMessage("bad") });

        Assert.Empty(doc.Descendants(XName.Get("Upgrade", Ns.Soap12)));
    }

    [Fact]
    public void Write_ToABufferWriter_AppendsTheSameBytesAsToArray()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix"u8);

        EnvelopeWriter.Write(Echo("hello"), output);

        Assert.Equal("prefix"u8.ToArray().Concat(EnvelopeWriter.ToArray(Echo("hello"))), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void ToArray_MessageAfterMessage_WritesEachOnItsOwn()
    {
        var first = EnvelopeWriter.ToArray(Echo("first, the longer of the two"));
        var second = EnvelopeWriter.ToArray(Echo("second"));

        Assert.Equal("first, the longer of the two", BodyText(first));
        Assert.Equal("second", BodyText(second));
    }

    [Fact]
    public void ToArray_BodyWriterThatThrows_FailsThatMessageOnly()
    {
        var failing = Echo("x");
        failing.WriteBody = w =>
        {
            w.WriteStartElement("Half", "urn:echo");
            throw new InvalidOperationException("body failed");
        };

        Assert.Throws<InvalidOperationException>(() => EnvelopeWriter.ToArray(failing));

        Assert.Equal("next", BodyText(EnvelopeWriter.ToArray(Echo("next"))));
    }

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("\0")]
    [InlineData("\uFFFF")]
    public void ToArray_TextXmlCannotCarry_ThrowsArgumentException(string text)
    {
        // The server turns this into a fault instead of sending an envelope no XML reader would accept.
        Assert.Throws<ArgumentException>(() => EnvelopeWriter.ToArray(Echo(text)));

        Assert.Equal("next", BodyText(EnvelopeWriter.ToArray(Echo("next"))));
    }

    [Fact]
    public void ToArray_LoneSurrogateInTheBody_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EnvelopeWriter.ToArray(Echo(new string((char)0xDC00, 1))));
    }

    [Fact]
    public void ToArray_NewLinesInTheBody_AreNormalizedAsXmlWriterDoes()
    {
        Assert.Equal("1\n2\n3", BodyText(EnvelopeWriter.ToArray(Echo("1\r\n2\r3"))));
    }

    [Fact]
    public void ToArray_BodyWriterLeavingAnElementOpen_StillWritesAWellFormedEnvelope()
    {
        var message = Echo("x");
        message.WriteBody = w => w.WriteStartElement("Open", "urn:echo");

        var read = EnvelopeReader.Read(EnvelopeWriter.ToArray(message));

        Assert.Equal(new XmlQualifiedName("Open", "urn:echo"), read.BodyElement);
    }

    [Fact]
    public void ToArray_CalledFromABodyWriter_WritesBothEnvelopes()
    {
        byte[]? inner = null;
        var outer = Echo("x");
        outer.WriteBody = w =>
        {
            inner = EnvelopeWriter.ToArray(Echo("inner"));
            w.WriteElementString("Outer", "urn:echo", "outer");
        };

        var bytes = EnvelopeWriter.ToArray(outer);

        Assert.Equal("outer", BodyText(bytes));
        Assert.Equal("inner", BodyText(inner!));
    }

    [Fact]
    public void ToArray_OnManyThreadsAtOnce_WritesEveryMessageIntact()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => "message " + i).ToArray();
        var written = new byte[texts.Length][];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => written[i] = EnvelopeWriter.ToArray(Echo(texts[i])));

        Assert.Equal(texts, written.Select(BodyText));
    }
}
