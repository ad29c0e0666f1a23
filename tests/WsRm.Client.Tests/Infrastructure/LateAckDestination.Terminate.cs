using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Soap;

namespace WsRm.Client.Tests.Infrastructure;

internal sealed partial class LateAckDestination
{
    private readonly HashSet<string> _terminated = new(StringComparer.Ordinal);

    /// <summary>How a WS-RM 1.0 TerminateSequence is answered.</summary>
    public LateAckTerminateAnswer TerminateAnswer { get; init; }

    /// <summary>TerminateSequence messages received.</summary>
    public int TerminateSequences { get { lock (_sync) return _actions.Count(a => a.EndsWith("/TerminateSequence", StringComparison.Ordinal)); } }

    // Under the lock: a WS-RM 1.0 TerminateSequence, answered as TerminateAnswer says; the sequence is gone after it.
    private (int, OutgoingMessage?) Terminate10(SoapMessage message, RmVersion rm)
    {
        SequenceControl control;
        using (var body = message.CreateBodyReader()) control = RmBodyReader.ReadSequenceControl(body, rm, SequenceControlKind.TerminateSequence);
        if (!_sequences.TryGetValue(control.Identifier, out var sequence) || !_terminated.Add(sequence.Id)) return (202, null);
        var ack = Acknowledgement(sequence.Id, sequence.Received);
        if (TerminateAnswer is LateAckTerminateAnswer.Empty) return (202, null);
        if (TerminateAnswer is LateAckTerminateAnswer.UnknownSequenceFault or LateAckTerminateAnswer.SequenceTerminatedFault)
        {
            WsRmFault rmFault = TerminateAnswer == LateAckTerminateAnswer.UnknownSequenceFault
                ? new UnknownSequenceFault(sequence.Id)
                : new SequenceTerminatedFault(sequence.Id, FaultCodeKind.Receiver, "The sequence is incomplete and was discarded.");
            var fault = new OutgoingMessage(message.Version, Wsa)
            {
                Fault = rmFault.ToSoapFault(rm, message.Version, Wsa), RelatesTo = message.Addressing.MessageId, Rm = rm,
            };
            if (TerminateAnswer == LateAckTerminateAnswer.SequenceTerminatedFault && ack is not null) fault.Acknowledgements.Add(ack);
            return (500, fault);
        }
        var named = TerminateAnswer switch
        {
            LateAckTerminateAnswer.OwnSequence => sequence.Id,
            LateAckTerminateAnswer.OtherSequence => "urn:uuid:" + Guid.NewGuid().ToString("D"),
            _ => sequence.OfferId ?? sequence.Id,
        };
        var answer = new OutgoingMessage(message.Version, Wsa)
        {
            Action = rm.TerminateSequenceAction,
            RelatesTo = message.Addressing.MessageId,
            Rm = rm,
            WriteBody = w => RmBodyWriter.WriteSequenceControl(w, rm, new SequenceControl(SequenceControlKind.TerminateSequence, named, null)),
        };
        if (TerminateAnswer != LateAckTerminateAnswer.WithoutAcknowledgement && ack is not null) answer.Acknowledgements.Add(ack);
        return (200, answer);
    }
}
