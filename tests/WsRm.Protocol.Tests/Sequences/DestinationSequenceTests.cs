using Microsoft.Extensions.Time.Testing;
using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Tests.Sequences;

public class DestinationSequenceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static DestinationSequence Create(RmVersion? rm = null, bool ordered = true, int window = 8, int maxRanges = 128) =>
        new("urn:uuid:dest", rm ?? RmVersion.Rm11, ordered, new DestinationSequenceLimits(window, maxRanges), T0);

    private static ReceiveOutcome Receive(DestinationSequence s, ulong number, bool last = false) => s.Receive(number, last, T0).Outcome;

    private static TFault Faulted<TFault>(ReceiveDecision decision) where TFault : WsRmFault
    {
        Assert.Equal(ReceiveOutcome.Faulted, decision.Outcome);
        return Assert.IsType<TFault>(decision.Fault);
    }

    [Fact]
    public void New_IsActiveAndEmpty()
    {
        var s = Create(RmVersion.Rm10, ordered: false, window: 5);

        Assert.Equal(("urn:uuid:dest", RmVersion.Rm10, false, DestinationState.Active), (s.Id, s.Rm, s.Ordered, s.State));
        Assert.Equal((T0, (ulong?)null, 5, 1UL), (s.LastActivity, s.LastMessageNumber, s.BufferRemaining, s.NextToDeliver));
        Assert.Empty(s.Received.Ranges);
        Assert.Equal(9_223_372_036_854_775_806UL, DestinationSequence.MaxMessageNumber);
    }

    [Fact]
    public void Receive_New_IsAcceptedRecordedAndTakesBufferRoom()
    {
        var s = Create(window: 8);

        var decision = s.Receive(1, false, T0.AddSeconds(5));

        Assert.Equal(new ReceiveDecision(ReceiveOutcome.Accepted), decision);
        Assert.True(s.Received.Contains(1));
        Assert.Equal(7, s.BufferRemaining);
        Assert.Equal(T0.AddSeconds(5), s.LastActivity);
    }

    [Fact]
    public void Receive_Duplicate_IsNotAcceptedTwice()
    {
        var s = Create();
        Receive(s, 1);

        Assert.Equal(ReceiveOutcome.Duplicate, Receive(s, 1));
        Assert.Equal(7, s.BufferRemaining);
        Assert.Equal([new AckRange(1, 1)], s.Received.Ranges);
    }

    [Fact]
    public void Receive_DuplicateAfterDelivery_IsStillDuplicate()
    {
        var s = Create();
        Receive(s, 1);
        s.Delivered(1);

        Assert.Equal(ReceiveOutcome.Duplicate, Receive(s, 1));
        Assert.Equal(8, s.BufferRemaining);
    }

    [Fact]
    public void Ordered_OutOfOrderArrival_WaitsForTheGap()
    {
        var s = Create(ordered: true);

        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 2));
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 3));
        Assert.False(s.IsDeliverable(2));
        Assert.False(s.IsDeliverable(3));

        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 1));
        Assert.True(s.IsDeliverable(1));
        Assert.Equal(2UL, s.Delivered(1));       // 2 was waiting: deliver it next
        Assert.True(s.IsDeliverable(2));
        Assert.Equal(3UL, s.Delivered(2));
        Assert.Null(s.Delivered(3));              // 4 has not arrived
        Assert.Equal(4UL, s.NextToDeliver);
        Assert.Equal(8, s.BufferRemaining);
    }

    [Fact]
    public void Ordered_DeliveringOutOfTurn_Throws()
    {
        var s = Create(ordered: true);
        Receive(s, 2);

        var e = Assert.Throws<InvalidOperationException>(() => s.Delivered(2));

        Assert.Equal("Message 2 delivered out of order; expected 1.", e.Message);
    }

    [Fact]
    public void Unordered_EverythingIsDeliverableAtOnce()
    {
        var s = Create(ordered: false);
        Receive(s, 3);
        Receive(s, 1);

        Assert.True(s.IsDeliverable(3));
        Assert.Null(s.Delivered(3));
        Assert.Null(s.Delivered(1));
        Assert.Equal(1UL, s.NextToDeliver);
        Assert.Equal(8, s.BufferRemaining);
    }

    [Fact]
    public void Delivered_MoreThanReceived_DoesNotGrowTheBufferPastTheWindow()
    {
        var s = Create(ordered: false, window: 2);

        s.Delivered(1);

        Assert.Equal(2, s.BufferRemaining);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Receive_WindowFull_IsDroppedUntilSomethingIsDelivered(bool ordered)
    {
        var s = Create(ordered: ordered, window: 2);
        Receive(s, 1);
        Receive(s, 2);

        Assert.Equal(ReceiveOutcome.Dropped, Receive(s, 3));
        Assert.False(s.Received.Contains(3));
        Assert.Equal(0, s.BufferRemaining);

        s.Delivered(1);
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 3));
    }

    [Fact]
    public void Ordered_NumberBeyondTheWindow_IsDropped()
    {
        var s = Create(ordered: true, window: 4);

        Assert.Equal(ReceiveOutcome.Dropped, Receive(s, 5));   // 5 - 1 >= 4: could never be delivered within the buffer
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 4));
        Assert.False(s.Received.Contains(5));
    }

    [Fact]
    public void Ordered_WindowSlidesWithDelivery()
    {
        var s = Create(ordered: true, window: 2);
        Receive(s, 1);
        s.Delivered(1);

        Assert.Equal(ReceiveOutcome.Dropped, Receive(s, 4));
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 3));
    }

    [Fact]
    public void Unordered_NumberFarAhead_IsAccepted()
    {
        var s = Create(ordered: false, window: 4);

        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 1000));
    }

    [Fact]
    public void Receive_MaxRangesReached_DropsOnlyWhatWouldOpenANewRange()
    {
        var s = Create(ordered: false, window: 100, maxRanges: 2);
        Receive(s, 1);
        Receive(s, 3);

        Assert.Equal(ReceiveOutcome.Dropped, Receive(s, 5));     // a third range
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 4));    // extends [3-3]
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 2));    // bridges to [1-4]
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 6));    // a second range again
        Assert.Equal([new AckRange(1, 4), new AckRange(6, 6)], s.Received.Ranges);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    public void Receive_MessageNumberZero_TerminatesWithSequenceTerminated(string rmName)
    {
        var s = Create(rmName == "1.0" ? RmVersion.Rm10 : RmVersion.Rm11);
        Receive(s, 1);

        var fault = Faulted<SequenceTerminatedFault>(s.Receive(0, false, T0));

        Assert.Equal(("urn:uuid:dest", FaultCodeKind.Sender, FaultScope.Sequence), (fault.Identifier, fault.Code, fault.Scope));
        Assert.Contains("0", fault.Problem);
        Assert.Equal(DestinationState.Terminated, s.State);
        Assert.True(s.Acknowledgement(false).Final);
    }

    [Fact]
    public void Receive_AfterTermination_IsUnknownSequence_AndDoesNotCountAsActivity()
    {
        var s = Create();
        s.Terminate();

        var fault = Faulted<UnknownSequenceFault>(s.Receive(1, false, T0.AddMinutes(1)));

        Assert.Equal("urn:uuid:dest", fault.Identifier);
        Assert.Equal(T0, s.LastActivity);
    }

    [Fact]
    public void Receive_Rm11MaximumLong_IsRolloverAndTheSequenceGoesOn()
    {
        var s = Create(RmVersion.Rm11, ordered: false);

        var fault = Faulted<MessageNumberRolloverFault>(s.Receive(9_223_372_036_854_775_807, false, T0));

        Assert.Equal(("urn:uuid:dest", 9_223_372_036_854_775_806UL), (fault.Identifier, fault.MaxMessageNumber));
        Assert.Equal(DestinationState.Active, s.State);
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 9_223_372_036_854_775_806));
    }

    [Fact]
    public void Receive_Rm10MaxUnsignedLong_IsRollover()
    {
        var s = Create(RmVersion.Rm10, ordered: false);

        Faulted<MessageNumberRolloverFault>(s.Receive(ulong.MaxValue, false, T0));

        Assert.Equal(DestinationState.Active, s.State);
        Assert.Empty(s.Received.Ranges);
    }

    [Fact]
    public void Rm10_LastMessage_FixesTheLastNumber_HigherNumberExceedsAndTerminates()
    {
        var s = Create(RmVersion.Rm10, ordered: false);
        Receive(s, 1);

        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 3, last: true));
        Assert.Equal(3UL, s.LastMessageNumber);
        Assert.Equal(DestinationState.Active, s.State);          // LastMessage does not close
        Assert.Equal(ReceiveOutcome.Accepted, Receive(s, 2));    // gaps below the last number still fill

        var fault = Faulted<LastMessageNumberExceededFault>(s.Receive(4, false, T0));

        Assert.Equal("urn:uuid:dest", fault.Identifier);
        Assert.Equal(DestinationState.Terminated, s.State);
        Faulted<UnknownSequenceFault>(s.Receive(2, false, T0));
    }

    [Fact]
    public void Rm10_LastMessageBelowANumberAlreadyReceived_ExceedsAndTerminates()
    {
        var s = Create(RmVersion.Rm10, ordered: false);
        Receive(s, 5);

        Faulted<LastMessageNumberExceededFault>(s.Receive(3, true, T0));

        Assert.Equal(DestinationState.Terminated, s.State);
    }

    [Fact]
    public void Rm10_LastMessageRetransmitted_IsADuplicate()
    {
        var s = Create(RmVersion.Rm10, ordered: false);
        Receive(s, 1, last: true);

        Assert.Equal(ReceiveOutcome.Duplicate, Receive(s, 1, last: true));
        Assert.Equal(DestinationState.Active, s.State);
    }

    [Fact]
    public void Rm11_Close_NewNumberIsSequenceClosed_DuplicatesStillAcknowledged()
    {
        var s = Create(RmVersion.Rm11, ordered: false);
        Receive(s, 1);
        Receive(s, 2);

        var transition = s.Close(null, T0.AddSeconds(1));

        Assert.Equal(new StateTransition(DestinationState.Active, DestinationState.Closed), transition);
        Assert.True(transition.Changed);
        Assert.Equal(2UL, s.LastMessageNumber);
        Assert.Equal(ReceiveOutcome.Duplicate, Receive(s, 2));
        var fault = Faulted<SequenceClosedFault>(s.Receive(3, false, T0));
        Assert.Equal("urn:uuid:dest", fault.Identifier);
        Assert.Equal(DestinationState.Closed, s.State);
        Assert.False(s.Received.Contains(3));
    }

    [Fact]
    public void Rm11_CloseWithLastMsgNumber_GapBelowItIsStillRefused()
    {
        var s = Create(RmVersion.Rm11, ordered: false);
        Receive(s, 1);

        s.Close(30, T0);

        Assert.Equal(30UL, s.LastMessageNumber);
        Faulted<SequenceClosedFault>(s.Receive(2, false, T0));
        Faulted<SequenceClosedFault>(s.Receive(31, false, T0));
        Assert.Equal(DestinationState.Closed, s.State);
    }

    [Fact]
    public void Close_IsIdempotent()
    {
        var s = Create();

        var first = s.Close(5, T0);
        var second = s.Close(9, T0.AddSeconds(1));

        Assert.True(first.Changed);
        Assert.Equal(new StateTransition(DestinationState.Closed, DestinationState.Closed), second);
        Assert.False(second.Changed);
        Assert.Equal(5UL, s.LastMessageNumber);
        Assert.Equal(T0.AddSeconds(1), s.LastActivity);
    }

    [Fact]
    public void Terminate_IsIdempotent_FromActiveOrClosed()
    {
        var active = Create();
        var closed = Create();
        closed.Close(null, T0);

        Assert.Equal(new StateTransition(DestinationState.Active, DestinationState.Terminated), active.Terminate());
        Assert.Equal(new StateTransition(DestinationState.Closed, DestinationState.Terminated), closed.Terminate());
        var again = closed.Terminate();
        Assert.Equal(new StateTransition(DestinationState.Terminated, DestinationState.Terminated), again);
        Assert.False(again.Changed);
    }

    [Fact]
    public void Close_AfterTerminate_StaysTerminated()
    {
        var s = Create();
        s.Terminate();

        var transition = s.Close(null, T0);

        Assert.Equal(new StateTransition(DestinationState.Terminated, DestinationState.Terminated), transition);
        Assert.Null(s.LastMessageNumber);
    }

    [Fact]
    public void Acknowledgement_ReportsRangesFinalAndBufferRemaining()
    {
        var s = Create(ordered: false, window: 8);
        Receive(s, 1);
        Receive(s, 2);
        Receive(s, 4);

        var open = s.Acknowledgement(flowControl: true);
        var noFlow = s.Acknowledgement(flowControl: false);
        s.Close(null, T0);
        var closed = s.Acknowledgement(flowControl: true);

        Assert.Equal("urn:uuid:dest", open.Identifier);
        Assert.Equal([new AckRange(1, 2), new AckRange(4, 4)], open.Ranges);
        Assert.Equal((false, 5), (open.Final, open.BufferRemaining));
        Assert.Null(noFlow.BufferRemaining);
        Assert.Empty(open.Nacks);
        Assert.False(open.None);
        Assert.True(closed.Final);
    }

    [Fact]
    public void Acknowledgement_IsASnapshot()
    {
        var s = Create(ordered: false);
        Receive(s, 1);
        var ack = s.Acknowledgement(false);

        Receive(s, 2);

        Assert.Equal([new AckRange(1, 1)], ack.Ranges);
    }

    [Fact]
    public void IsInactive_MeasuresFromTheLastActivity()
    {
        var time = new FakeTimeProvider(T0);
        var timeout = TimeSpan.FromMinutes(10);
        var s = new DestinationSequence("urn:s", RmVersion.Rm11, true, new DestinationSequenceLimits(), time.GetUtcNow());

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(s.IsInactive(time.GetUtcNow(), timeout));

        s.Receive(1, false, time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(s.IsInactive(time.GetUtcNow(), timeout));

        s.Touch(time.GetUtcNow());                                   // an AckRequested, say
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.False(s.IsInactive(time.GetUtcNow(), timeout));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(s.IsInactive(time.GetUtcNow(), timeout));
        Assert.Equal(T0.AddMinutes(18), s.LastActivity);
    }

    [Fact]
    public void Receive_Duplicate_CountsAsActivity()
    {
        var s = Create();
        Receive(s, 1);

        s.Receive(1, false, T0.AddMinutes(3));

        Assert.Equal(T0.AddMinutes(3), s.LastActivity);
    }
}
