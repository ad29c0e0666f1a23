using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Bench;

/// <summary>
/// The client's hot path for one reliable request, through the public WsRm.Protocol types the client builds on
/// (WsRm.Client's own MessageFactory, BodySnapshot and session are internal and not visible here): render the body,
/// build the request envelope with Sequence, AckRequested and the piggybacked acknowledgement of the reply sequence,
/// and read a reply carrying the SequenceAcknowledgement of our sequence. WS-RM 1.0, SOAP 1.2, WS-Addressing 1.0, as
/// WCF's defaults.
/// </summary>
[MemoryDiagnoser]
public class ClientEnvelopeBenchmarks
{
    private const string Ns = "urn:wsrm:samples";
    private const string OutboundId = "urn:uuid:a6e2b4c8-1f3d-4e2a-9b7c-0d1e2f3a4b5c";
    private const string OfferedId = "urn:uuid:0f9e8d7c-6b5a-4938-2716-05f4e3d2c1b0";
    private const string To = "http://127.0.0.1:5080/echo";

    private static readonly XmlWriterSettings FragmentSettings = new() { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true };
    private static readonly Action<XmlWriter> RenderedBody = w => w.WriteRaw("<Echo xmlns=\"urn:wsrm:samples\"><text>hello</text></Echo>");

    private readonly byte[] _reply = BuildReply();
    private ulong _number;

    /// <summary>What WsRmSession does with the caller's body writer before numbering the message (BodySnapshot).</summary>
    [Benchmark]
    public string RenderBody()
    {
        var text = new StringBuilder(256);
        using (var w = XmlWriter.Create(text, FragmentSettings))
        {
            w.WriteStartElement("Echo", Ns);
            w.WriteElementString("text", Ns, "hello");
            w.WriteEndElement();
        }
        return text.ToString();
    }

    /// <summary>The request envelope: Action, MessageID, To, Sequence, SequenceAcknowledgement (replies), AckRequested.</summary>
    [Benchmark]
    public byte[] BuildRequest()
    {
        var number = ++_number;
        var m = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
        {
            Action = "urn:wsrm:samples/IEchoService/Echo",
            MessageId = "urn:uuid:" + Guid.NewGuid().ToString("D"),
            To = To,
            Rm = RmVersion.Rm10,
            Sequence = new SequenceHeader(OutboundId, number, false),
            WriteBody = RenderedBody,
        };
        m.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = OfferedId, Ranges = [new AckRange(1, number)] });
        m.AckRequests.Add(new AckRequested(OutboundId, null));
        return EnvelopeWriter.ToArray(m);
    }

    /// <summary>Reading the reply's headers: RelatesTo, the reply's Sequence, the SequenceAcknowledgement of our sequence.</summary>
    [Benchmark]
    public ulong ReadReplyHeaders()
    {
        var m = EnvelopeReader.Read(_reply);
        return AcknowledgedUpTo(m);
    }

    /// <summary>The headers, then the body as the load command reads it (EchoResponse/EchoResult).</summary>
    [Benchmark]
    public string ReadReply()
    {
        var m = EnvelopeReader.Read(_reply);
        if (AcknowledgedUpTo(m) == 0) throw new InvalidOperationException("no acknowledgement");
        using var body = m.CreateBodyReader();
        body.ReadStartElement("EchoResponse", Ns);
        return body.ReadElementContentAsString("EchoResult", Ns);
    }

    private static ulong AcknowledgedUpTo(SoapMessage m)
    {
        if (m.Sequence?.Identifier != OfferedId || m.Addressing.RelatesTo is null) throw new InvalidOperationException("not a reply");
        ulong upper = 0;
        foreach (var ack in m.Acknowledgements)
        {
            if (ack.Identifier != OutboundId) continue;
            foreach (var range in ack.Ranges) upper = Math.Max(upper, range.Upper);
        }
        return upper;
    }

    // The reply the server writes (same writer): EchoResponse on the offered sequence, our sequence acknowledged 1..7
    // with netrm:BufferRemaining.
    private static byte[] BuildReply()
    {
        var reply = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
        {
            Action = "urn:wsrm:samples/IEchoService/EchoResponse",
            RelatesTo = "urn:uuid:5b9f2f1e-7c55-4d8e-8a55-1c3a2e7d9f01",
            Rm = RmVersion.Rm10,
            Sequence = new SequenceHeader(OfferedId, 7, false),
            WriteBody = w =>
            {
                w.WriteStartElement("EchoResponse", Ns);
                w.WriteElementString("EchoResult", Ns, "hello");
                w.WriteEndElement();
            },
        };
        reply.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = OutboundId, Ranges = [new AckRange(1, 7)], BufferRemaining = 8 });
        return EnvelopeWriter.ToArray(reply);
    }
}
