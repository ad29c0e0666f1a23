using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Soap;

namespace WsRm.Bench;

/// <summary>The protocol hot path of one reliable request: read the envelope, decide, write the answer.</summary>
[MemoryDiagnoser]
public class EnvelopeBenchmarks
{
    private static readonly byte[] Request = Encoding.UTF8.GetBytes(
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:r=\"http://schemas.xmlsoap.org/ws/2005/02/rm\" xmlns:a=\"http://www.w3.org/2005/08/addressing\">" +
        "<s:Header><r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:a6e2b4c8-1f3d-4e2a-9b7c-0d1e2f3a4b5c</r:Identifier><r:MessageNumber>7</r:MessageNumber></r:Sequence>" +
        "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:0f9e8d7c-6b5a-4938-2716-05f4e3d2c1b0</r:Identifier><r:AcknowledgementRange Lower=\"1\" Upper=\"6\"/></r:SequenceAcknowledgement>" +
        "<a:Action s:mustUnderstand=\"1\">urn:wsrm:samples/IEchoService/Echo</a:Action><a:MessageID>urn:uuid:5b9f2f1e-7c55-4d8e-8a55-1c3a2e7d9f01</a:MessageID>" +
        "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo><a:To s:mustUnderstand=\"1\">http://127.0.0.1:5080/echo</a:To></s:Header>" +
        "<s:Body><Echo xmlns=\"urn:wsrm:samples\"><text>hello</text></Echo></s:Body></s:Envelope>");

    private readonly DestinationSequence _sequence = new("urn:uuid:x", RmVersion.Rm10, ordered: false, new DestinationSequenceLimits(), DateTimeOffset.UnixEpoch);
    private ulong _next;

    private readonly ArrayBufferWriter<byte> _output = new(4096);

    [Benchmark]
    public SoapMessage ReadEnvelope() => EnvelopeReader.Read(Request);

    /// <summary>What the server does with a request: the headers, then the body once the sequence accepted it.</summary>
    [Benchmark]
    public string ReadEnvelopeAndBody()
    {
        var message = EnvelopeReader.Read(Request);
        using var body = message.CreateBodyReader();
        body.ReadStartElement("Echo", "urn:wsrm:samples");
        return body.ReadElementContentAsString("text", "urn:wsrm:samples");
    }

    [Benchmark]
    public byte[] WriteReply() => EnvelopeWriter.ToArray(Reply());

    /// <summary>The same reply appended to a buffer the caller keeps, without the copy into a new array.</summary>
    [Benchmark]
    public int WriteReplyToBufferWriter()
    {
        _output.ResetWrittenCount();
        EnvelopeWriter.Write(Reply(), _output);
        return _output.WrittenCount;
    }

    private static OutgoingMessage Reply()
    {
        var reply = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
        {
            Action = "urn:wsrm:samples/IEchoService/EchoResponse",
            RelatesTo = "urn:uuid:5b9f2f1e-7c55-4d8e-8a55-1c3a2e7d9f01",
            Rm = RmVersion.Rm10,
            Sequence = new SequenceHeader("urn:uuid:0f9e8d7c-6b5a-4938-2716-05f4e3d2c1b0", 7, false),
            WriteBody = w =>
            {
                w.WriteStartElement("EchoResponse", "urn:wsrm:samples");
                w.WriteElementString("EchoResult", "urn:wsrm:samples", "hello");
                w.WriteEndElement();
            },
        };
        reply.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = "urn:uuid:a6e2b4c8-1f3d-4e2a-9b7c-0d1e2f3a4b5c", Ranges = [new AckRange(1, 7)], BufferRemaining = 8 });
        return reply;
    }

    [Benchmark]
    public ReceiveDecision ReceiveAndDeliver()
    {
        var decision = _sequence.Receive(++_next, false, DateTimeOffset.UnixEpoch);
        _sequence.Delivered(_next);
        return decision;
    }
}
