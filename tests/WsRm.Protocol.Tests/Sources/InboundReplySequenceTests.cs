using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class InboundReplySequenceTests
{
    private const string ReplyId = "urn:uuid:offered";

    private static InboundReplySequence Create(RmVersion? rm = null, int maxRanges = 128) =>
        new(ReplyId, rm ?? RmVersion.Rm11, new SourceSequenceSettings { MaxAcknowledgementRanges = maxRanges }, T0);

    private static ReceiveOutcome Receive(InboundReplySequence r, ulong number, bool last = false) => r.Receive(number, last, T0).Outcome;

    private static TFault Faulted<TFault>(ReceiveDecision decision) where TFault : WsRmFault
    {
        Assert.Equal(ReceiveOutcome.Faulted, decision.Outcome);
        return Assert.IsType<TFault>(decision.Fault);
    }

    [Fact]
    public void New_IsActiveWithNothingReceived()
    {
        var r = Create();

        Assert.Equal((ReplyId, DestinationState.Active, (ulong?)null, false, false), (r.Id, r.State, r.LastMessageNumber, r.AcknowledgementPending, r.IsComplete));
        var ack = r.Acknowledgement();
        Assert.Equal((ReplyId, true, false, 0), (ack.Identifier, ack.None, ack.Final, ack.Ranges.Count));
    }

    [Fact]
    public void Rm10_EmptyAcknowledgement_HasNoNone()
    {
        var ack = Create(RmVersion.Rm10).Acknowledgement();

        Assert.Equal((false, false, 0), (ack.None, ack.Final, ack.Ranges.Count));
    }

    [Fact]
    public void Replies_AreAcceptedOnceAndDuplicatesDetected()
    {
        var r = Create();

        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 1));
        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 3));
        Assert.Equal(ReceiveOutcome.Duplicate, Receive(r, 1));
        Assert.Equal(ReceiveOutcome.Duplicate, Receive(r, 3));
        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 2));

        Assert.Equal([new AckRange(1, 3)], r.Received);
    }

    [Fact]
    public void Acknowledgement_IsASnapshotToPiggyback()
    {
        var r = Create();
        Receive(r, 1);
        Receive(r, 2);
        Receive(r, 5);

        var ack = r.Acknowledgement();
        Receive(r, 3);

        Assert.Equal([new AckRange(1, 2), new AckRange(5, 5)], ack.Ranges);
        Assert.Equal((ReplyId, false, false, (int?)null), (ack.Identifier, ack.None, ack.Final, ack.BufferRemaining));
    }

    [Fact]
    public void AcknowledgementPending_TracksWhatWasReceivedSinceTheLastAck()
    {
        var r = Create();
        Receive(r, 1);
        Assert.True(r.AcknowledgementPending);

        r.OnAcknowledgementSent();
        Assert.False(r.AcknowledgementPending);

        Receive(r, 1); // a duplicate means our acknowledgement was lost: acknowledge again
        Assert.True(r.AcknowledgementPending);
    }

    [Fact]
    public void RangeBound_DropsAReplyThatWouldOpenOneMoreRange()
    {
        var r = Create(maxRanges: 2);
        Receive(r, 1);
        Receive(r, 3);

        Assert.Equal(ReceiveOutcome.Dropped, Receive(r, 5));
        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 4)); // extends 3
        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 2)); // joins 1 and 3-4
        Assert.Equal(ReceiveOutcome.Accepted, Receive(r, 9));
        Assert.Equal([new AckRange(1, 4), new AckRange(9, 9)], r.Received);
    }

    [Fact]
    public void Rm10_LastMessage_CompletesTheReplySequence()
    {
        var r = Create(RmVersion.Rm10);
        Receive(r, 1);
        Receive(r, 3, last: true);

        Assert.Equal(((ulong?)3, false), (r.LastMessageNumber, r.IsComplete));
        Receive(r, 2);
        Assert.True(r.IsComplete);
    }

    [Fact]
    public void Rm10_NumberPastTheLastMessage_TerminatesWithLastMessageNumberExceeded()
    {
        var r = Create(RmVersion.Rm10);
        Receive(r, 2, last: true);

        Faulted<LastMessageNumberExceededFault>(r.Receive(3, false, T0));
        Assert.Equal(DestinationState.Terminated, r.State);
        Faulted<UnknownSequenceFault>(r.Receive(1, false, T0));
    }

    [Fact]
    public void Rm10_LastMessageBelowAReceivedNumber_IsExceeded()
    {
        var r = Create(RmVersion.Rm10);
        Receive(r, 5);

        Faulted<LastMessageNumberExceededFault>(r.Receive(4, true, T0));
    }

    [Fact]
    public void Rm11_Close_FixesTheLastNumberAndMakesAcknowledgementsFinal()
    {
        var r = Create();
        Receive(r, 1);
        Receive(r, 2);

        var first = r.Close(2, Ms(10));
        var again = r.Close(5, Ms(20));

        Assert.Equal(new StateTransition(DestinationState.Active, DestinationState.Closed), first);
        Assert.False(again.Changed);
        Assert.Equal(((ulong?)2, true, true), (r.LastMessageNumber, r.IsComplete, r.Acknowledgement().Final));
        Assert.Equal(ReceiveOutcome.Duplicate, Receive(r, 2));
        Faulted<SequenceClosedFault>(r.Receive(3, false, T0));
    }

    [Fact]
    public void Rm11_CloseWithAGap_RefusesTheMissingReply()
    {
        var r = Create();
        Receive(r, 1);
        Receive(r, 3);
        r.Close(3, Ms(10));

        Faulted<SequenceClosedFault>(r.Receive(2, false, T0));
        Assert.False(r.IsComplete);
    }

    [Fact]
    public void ZeroAndHugeNumbers_AreFaults()
    {
        var r = Create();

        Faulted<MessageNumberRolloverFault>(r.Receive((ulong)long.MaxValue + 1, false, T0));
        Assert.Equal(DestinationState.Active, r.State);
        Faulted<SequenceTerminatedFault>(r.Receive(0, false, T0));
        Assert.Equal(DestinationState.Terminated, r.State);
    }

    [Fact]
    public void Terminate_IsIdempotentAndRefusesLaterReplies()
    {
        var r = Create();

        Assert.True(r.Terminate().Changed);
        Assert.False(r.Terminate().Changed);
        Faulted<UnknownSequenceFault>(r.Receive(1, false, T0));
    }

    [Fact]
    public void Activity_IsTrackedForInactivity()
    {
        var r = Create();
        r.Receive(1, false, T0.AddMinutes(3));

        Assert.Equal(T0.AddMinutes(3), r.LastActivity);
        Assert.False(r.IsInactive(T0.AddMinutes(12), TimeSpan.FromMinutes(10)));
        Assert.True(r.IsInactive(T0.AddMinutes(13), TimeSpan.FromMinutes(10)));
        Assert.False(r.IsInactive(DateTimeOffset.MaxValue, Timeout.InfiniteTimeSpan));
    }
}
