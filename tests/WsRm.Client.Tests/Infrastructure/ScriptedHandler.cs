using System.Net;
using WsRm.Protocol.Addressing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Infrastructure;

/// <summary>
/// An HTTP handler that answers CreateSequence (SOAP 1.2, RM 1.1) and fails everything else at the transport level,
/// counting the attempts: the service is gone after the sequence was created.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private int _failures;
    private int _ackRequests;

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>AckRequested messages received.</summary>
    public int AckRequests => Volatile.Read(ref _ackRequests);

    /// <summary>When true, an AckRequested is answered with an empty acknowledgement (the service is alive but idle).</summary>
    public bool AnswerAckRequested { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var message = EnvelopeReader.Read(bytes);
        if (message.Action == RmVersion.Rm11.AckRequestedAction) Interlocked.Increment(ref _ackRequests);
        if (message.Action == RmVersion.Rm11.AckRequestedAction && AnswerAckRequested)
        {
            var ack = new OutgoingMessage(SoapVersion.Soap12, AddressingVersion.WsAddressing10)
            {
                Action = RmVersion.Rm11.SequenceAcknowledgementAction,
                Rm = RmVersion.Rm11,
            };
            ack.Acknowledgements.Add(new SequenceAcknowledgement { Identifier = "urn:uuid:scripted", None = true });
            return Reply(ack);
        }
        if (message.Action != RmVersion.Rm11.CreateSequenceAction)
        {
            Interlocked.Increment(ref _failures);
            throw new HttpRequestException("connection refused (scripted)");
        }
        var rm = RmVersion.Rm11;
        var wsa = AddressingVersion.WsAddressing10;
        var answer = new OutgoingMessage(SoapVersion.Soap12, wsa)
        {
            Action = rm.CreateSequenceResponseAction,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteCreateSequenceResponse(w, rm, wsa,
                new CreateSequenceResponse("urn:uuid:scripted", null, null, new EndpointReference("http://service/echo"))),
        };
        return Reply(answer);
    }

    private static HttpResponseMessage Reply(OutgoingMessage answer)
    {
        var content = new ByteArrayContent(EnvelopeWriter.ToArray(answer));
        content.Headers.TryAddWithoutValidation("Content-Type", SoapVersion.Soap12.ContentType(answer.Action));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
