using System.Xml;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;
using WsRm.Protocol.Tests.Infrastructure;

namespace WsRm.Protocol.Tests.ReliableMessaging;

/// <summary>RM header blocks read on their own, and round trips through <see cref="RmHeaderWriter"/>.</summary>
public class RmHeaderReaderTests
{
    private static T ReadAll<T>(string xml, Func<XmlReader, T> read)
    {
        using var reader = TestXml.ReaderOn(xml);
        var value = read(reader);
        Assert.True(reader.EOF, "the reader should end after the header element");
        return value;
    }

    private static T RoundTrip<T>(Action<XmlWriter> write, Func<XmlReader, T> read) => ReadAll(TestXml.Write(write), read);

    // ---- Sequence ----

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadSequence_IdentifierAndNumber_WhitespaceTrimmed(string ns)
    {
        var rm = RmVersion.FromNamespace(ns)!;
        var xml = $"<r:Sequence xmlns:r=\"{ns}\"><r:Identifier>\n  urn:uuid:abc \n</r:Identifier><r:MessageNumber> 10 </r:MessageNumber><x:Ext xmlns:x=\"urn:ext\"/></r:Sequence>";

        Assert.Equal(new SequenceHeader("urn:uuid:abc", 10, false), ReadAll(xml, r => RmHeaderReader.ReadSequence(r, rm)));
    }

    [Fact]
    public void ReadSequence_Rm10LastMessage_IsRead()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>10</r:MessageNumber><r:LastMessage/></r:Sequence>";

        Assert.True(ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm10)).LastMessage);
    }

    [Fact]
    public void ReadSequence_LastMessageInRm11_IsIgnored()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>10</r:MessageNumber><r:LastMessage/></r:Sequence>";

        Assert.False(ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)).LastMessage);
    }

    [Fact]
    public void ReadSequence_MaxUnsignedLong_IsReadAsIs()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:MessageNumber>18446744073709551615</r:MessageNumber></r:Sequence>";

        Assert.Equal(ulong.MaxValue, ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm10)).MessageNumber);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sequence_RoundTrip_Rm10(bool last)
    {
        var header = new SequenceHeader("urn:uuid:0b162747-99cf-479c-972f-95b776e141c3", 9_223_372_036_854_775_806, last);

        var read = RoundTrip(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm10, header, SoapVersion.Soap12), r => RmHeaderReader.ReadSequence(r, RmVersion.Rm10));

        Assert.Equal(header, read);
    }

    [Fact]
    public void Sequence_RoundTrip_Rm11_DropsLastMessage()
    {
        var read = RoundTrip(w => RmHeaderWriter.WriteSequence(w, RmVersion.Rm11, new SequenceHeader("urn:s", 2, true), SoapVersion.Soap11),
            r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11));

        Assert.Equal(new SequenceHeader("urn:s", 2, false), read);
    }

    [Theory]
    [InlineData("<r:MessageNumber>1</r:MessageNumber>", "The Sequence header has no wsrm:Identifier.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier>", "The Sequence header has no wsrm:MessageNumber.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber>one</r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not 'one'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber>-1</r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not '-1'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber>+1</r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not '+1'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber>1.0</r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not '1.0'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber>18446744073709551616</r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not '18446744073709551616'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:MessageNumber></r:MessageNumber>", "wsrm:MessageNumber must be an unsigned integer, not ''.")]
    [InlineData("<r:Identifier>  </r:Identifier><r:MessageNumber>1</r:MessageNumber>", "wsrm:Identifier is empty.")]
    [InlineData("", "wsrm:Sequence is empty.")]
    [InlineData("text<r:Identifier>urn:s</r:Identifier>", "wsrm:Sequence has unexpected text content.")]
    public void ReadSequence_Invalid_ThrowsSoapParseExceptionNamingTheProblem(string content, string expected)
    {
        var xml = content.Length == 0 ? $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"/>" : $"<r:Sequence xmlns:r=\"{Ns.Rm11}\">{content}</r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)));

        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void ReadSequence_ChildrenInAnotherRmNamespace_DoNotCount()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\" xmlns:o=\"{Ns.Rm10}\"><o:Identifier>urn:s</o:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)));

        Assert.Contains("no wsrm:Identifier", e.Message);
    }

    [Fact]
    public void ReadIdentifier_LongerThan256Characters_IsRefused()
    {
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:{new string('x', 253)}</r:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)));

        Assert.Equal("wsrm:Identifier is longer than 256 characters.", e.Message);
    }

    [Fact]
    public void ReadIdentifier_Exactly256Characters_IsAccepted()
    {
        var id = "urn:" + new string('x', 252);
        var xml = $"<r:Sequence xmlns:r=\"{Ns.Rm11}\"><r:Identifier>{id}</r:Identifier><r:MessageNumber>1</r:MessageNumber></r:Sequence>";

        Assert.Equal(id, ReadAll(xml, r => RmHeaderReader.ReadSequence(r, RmVersion.Rm11)).Identifier);
    }

    // ---- SequenceAcknowledgement ----

    [Fact]
    public void ReadAcknowledgement_Ranges_InDocumentOrder_AttributesTrimmed()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier>" +
                  "<r:AcknowledgementRange Upper=\"1\" Lower=\"1\"/><r:AcknowledgementRange Upper=\" 9\" Lower=\" 3 \"></r:AcknowledgementRange></r:SequenceAcknowledgement>";

        var ack = ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm10));

        Assert.Equal("urn:s", ack.Identifier);
        Assert.Equal([new AckRange(1, 1), new AckRange(3, 9)], ack.Ranges);
        Assert.Empty(ack.Nacks);
        Assert.Equal((false, false, (int?)null), (ack.None, ack.Final, ack.BufferRemaining));
    }

    [Fact]
    public void ReadAcknowledgement_Nacks()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:Nack>2</r:Nack><r:Nack> 5 </r:Nack></r:SequenceAcknowledgement>";

        Assert.Equal([2UL, 5UL], ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm11)).Nacks);
    }

    [Fact]
    public void ReadAcknowledgement_Rm11NoneAndFinal()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:None/><r:Final></r:Final></r:SequenceAcknowledgement>";

        var ack = ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm11));

        Assert.Equal((true, true), (ack.None, ack.Final));
    }

    [Fact]
    public void ReadAcknowledgement_NoneAndFinalInRm10_AreIgnored()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:None/><r:Final/></r:SequenceAcknowledgement>";

        var ack = ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm10));

        Assert.Equal((false, false), (ack.None, ack.Final));
    }

    [Theory]
    [InlineData(Ns.Rm10)]
    [InlineData(Ns.Rm11)]
    public void ReadAcknowledgement_NetRmBufferRemaining(string ns)
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{ns}\"><r:Identifier>urn:s</r:Identifier><r:AcknowledgementRange Upper=\"1\" Lower=\"1\"/>" +
                  $"<netrm:BufferRemaining xmlns:netrm=\"{Ns.NetRm}\">\n 8\n</netrm:BufferRemaining></r:SequenceAcknowledgement>";

        Assert.Equal(8, ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.FromNamespace(ns)!)).BufferRemaining);
    }

    [Fact]
    public void ReadAcknowledgement_BufferRemainingInAnotherNamespace_IsIgnored()
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\"><r:Identifier>urn:s</r:Identifier><r:None/><x:BufferRemaining xmlns:x=\"urn:other\">8</x:BufferRemaining></r:SequenceAcknowledgement>";

        Assert.Null(ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm11)).BufferRemaining);
    }

    [Theory]
    [InlineData("<r:AcknowledgementRange Upper=\"1\" Lower=\"1\"/>", "The SequenceAcknowledgement header has no wsrm:Identifier.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:AcknowledgementRange Upper=\"1\"/>", "AcknowledgementRange has no Lower attribute.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:AcknowledgementRange Lower=\"1\"/>", "AcknowledgementRange has no Upper attribute.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:AcknowledgementRange Upper=\"x\" Lower=\"1\"/>", "AcknowledgementRange/@Upper must be an unsigned integer, not 'x'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><r:Nack>n</r:Nack>", "wsrm:Nack must be an unsigned integer, not 'n'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><n:BufferRemaining xmlns:n=\"http://schemas.microsoft.com/ws/2006/05/rm\">-1</n:BufferRemaining>", "netrm:BufferRemaining must be a non-negative integer, not '-1'.")]
    [InlineData("<r:Identifier>urn:s</r:Identifier><n:BufferRemaining xmlns:n=\"http://schemas.microsoft.com/ws/2006/05/rm\">99999999999</n:BufferRemaining>", "netrm:BufferRemaining must be a non-negative integer, not '99999999999'.")]
    public void ReadAcknowledgement_Invalid_ThrowsSoapParseException(string content, string expected)
    {
        var xml = $"<r:SequenceAcknowledgement xmlns:r=\"{Ns.Rm11}\">{content}</r:SequenceAcknowledgement>";

        var e = Assert.Throws<SoapParseException>(() => ReadAll(xml, r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm11)));

        Assert.Equal(expected, e.Message);
    }

    public static TheoryData<string, SequenceAcknowledgement> Acknowledgements => new()
    {
        { "1.0", new SequenceAcknowledgement { Identifier = "urn:a", Ranges = [new(1, 3), new(5, 5), new(7, 100)] } },
        { "1.0", new SequenceAcknowledgement { Identifier = "urn:a", Nacks = [4, 6] } },
        { "1.0", new SequenceAcknowledgement { Identifier = "urn:a", Ranges = [new(1, 1)], BufferRemaining = 0 } },
        { "1.1", new SequenceAcknowledgement { Identifier = "urn:a", Ranges = [new(1, 30)], Final = true, BufferRemaining = 8 } },
        { "1.1", new SequenceAcknowledgement { Identifier = "urn:a", Nacks = [2] } },
        { "1.1", new SequenceAcknowledgement { Identifier = "urn:a", None = true } },
        { "1.1", new SequenceAcknowledgement { Identifier = "urn:a", None = true, Final = true } },
    };

    [Theory]
    [MemberData(nameof(Acknowledgements))]
    public void Acknowledgement_RoundTrip(string rmName, SequenceAcknowledgement ack)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;

        var read = RoundTrip(w => RmHeaderWriter.WriteAcknowledgement(w, rm, ack), r => RmHeaderReader.ReadAcknowledgement(r, rm));

        Assert.Equal(ack.Identifier, read.Identifier);
        Assert.Equal(ack.Ranges, read.Ranges);
        Assert.Equal(ack.Nacks, read.Nacks);
        Assert.Equal((ack.None, ack.Final, ack.BufferRemaining), (read.None, read.Final, read.BufferRemaining));
    }

    [Fact]
    public void Acknowledgement_Rm11WithNothingReceived_ReadsBackAsNone()
    {
        var read = RoundTrip(w => RmHeaderWriter.WriteAcknowledgement(w, RmVersion.Rm11, new SequenceAcknowledgement { Identifier = "urn:a" }),
            r => RmHeaderReader.ReadAcknowledgement(r, RmVersion.Rm11));

        Assert.True(read.None);
    }

    // ---- AckRequested ----

    [Fact]
    public void ReadAckRequested_Rm10WithMaxMessageNumberUsed()
    {
        var xml = $"<r:AckRequested xmlns:r=\"{Ns.Rm10}\"><r:Identifier>urn:s</r:Identifier><r:MaxMessageNumberUsed>12</r:MaxMessageNumberUsed></r:AckRequested>";

        Assert.Equal(new AckRequested("urn:s", 12), ReadAll(xml, r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm10)));
    }

    [Theory]
    [InlineData("1.0", 7UL)]
    [InlineData("1.0", null)]
    [InlineData("1.1", null)]
    public void AckRequested_RoundTrip(string rmName, ulong? number)
    {
        var rm = rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11;
        var request = new AckRequested("urn:uuid:s", number);

        Assert.Equal(request, RoundTrip(w => RmHeaderWriter.WriteAckRequested(w, rm, request), r => RmHeaderReader.ReadAckRequested(r, rm)));
    }

    [Fact]
    public void AckRequested_Rm11_DropsTheMessageNumber()
    {
        var read = RoundTrip(w => RmHeaderWriter.WriteAckRequested(w, RmVersion.Rm11, new AckRequested("urn:s", 7)), r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm11));

        Assert.Equal(new AckRequested("urn:s", null), read);
    }

    [Fact]
    public void ReadAckRequested_WithoutIdentifier_Throws()
    {
        var e = Assert.Throws<SoapParseException>(() => ReadAll($"<r:AckRequested xmlns:r=\"{Ns.Rm10}\"><r:MessageNumber>1</r:MessageNumber></r:AckRequested>",
            r => RmHeaderReader.ReadAckRequested(r, RmVersion.Rm10)));

        Assert.Equal("The AckRequested header has no wsrm:Identifier.", e.Message);
    }
}
