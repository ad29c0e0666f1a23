using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class SourceSequenceCloseTests
{
    private static SourceSequence Sent(int count, RmVersion rm, SourceSequenceSettings? settings = null)
    {
        var s = Active(settings, rm);
        SendMany(s, count, T0);
        return s;
    }

    private static SequenceAcknowledgement Final(params AckRange[] ranges) => Ack(ranges) with { Final = true };

    [Fact]
    public void BeginClose_FixesTheLastNumberStopsNumberingAndIsIdempotent()
    {
        var s = Sent(3, RmVersion.Rm11);

        var first = s.BeginClose();
        var second = s.BeginClose();

        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Closing), first);
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Closing), second);
        Assert.Equal((ulong?)3, s.LastMessageNumber);
        Assert.Equal(AssignOutcome.NotActive, s.TryAssign("x", T0).Outcome);
    }

    [Fact]
    public void BeginClose_BeforeCreated_ChangesNothing()
    {
        var s = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);

        Assert.False(s.BeginClose().Changed);
        Assert.Null(s.LastMessageNumber);
    }

    [Fact]
    public void Closing_StillRetransmitsAndTakesAcknowledgements()
    {
        var s = Sent(2, RmVersion.Rm11);
        s.BeginClose();

        Assert.Equal([1UL, 2], s.DueRetransmissions(T0.AddSeconds(1)).Numbers);
        Assert.True(s.OnSent(1, T0.AddSeconds(1)));
        var ack = s.OnAcknowledgement(Ack(1, 2), T0.AddSeconds(1.1));

        Assert.True(ack.FullyAcknowledged);
        Assert.Equal(SourceState.Closing, s.State); // 1.1 waits for the final acknowledgement
    }

    [Fact]
    public void Rm11_ExactFinalAcknowledgement_Closes()
    {
        var s = Sent(3, RmVersion.Rm11);
        s.BeginClose();
        s.OnAcknowledgement(Ack(1, 2), Ms(10));

        var result = s.OnFinalAcknowledgement(Final(new AckRange(1, 3)), Ms(20));
        var again = s.OnFinalAcknowledgement(Final(new AckRange(1, 3)), Ms(30));

        Assert.Equal((AcknowledgementOutcome.Applied, true), (result.Outcome, result.FullyAcknowledged));
        Assert.Equal([3UL], Numbers(result));
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Closed), result.Transition);
        Assert.Equal((AcknowledgementOutcome.Applied, false), (again.Outcome, again.Transition.Changed));
        Assert.Equal(new SourceStateTransition(SourceState.Closed, SourceState.Terminated), s.Terminate());
    }

    [Fact]
    public void Rm11_EmptySequence_ClosesWithNone()
    {
        var s = Active();
        s.BeginClose();

        var result = s.OnFinalAcknowledgement(new SequenceAcknowledgement { Identifier = Id, None = true, Final = true }, Ms(10));

        Assert.Equal((AcknowledgementOutcome.Applied, SourceState.Closed, (ulong?)0), (result.Outcome, s.State, s.LastMessageNumber));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rm11_FinalAcknowledgementWithAGap_IsInvalidAndFaults(bool gapInTheMiddle)
    {
        var s = Sent(3, RmVersion.Rm11);
        s.BeginClose();
        var ack = gapInTheMiddle ? Final(new AckRange(1, 1), new AckRange(3, 3)) : Final(new AckRange(1, 2));

        var result = s.OnFinalAcknowledgement(ack, Ms(10));

        Assert.Equal(AcknowledgementOutcome.Invalid, result.Outcome);
        Assert.Same(ack, result.Fault!.Acknowledgement);
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Faulted), result.Transition);
        Assert.Equal(SourceFailureKind.InvalidAcknowledgement, s.Failure!.Kind);
        Assert.Contains("exactly 1-3", s.Failure.Message);
        Assert.IsType<InvalidAcknowledgementFault>(s.Failure.Fault);
    }

    [Fact]
    public void Rm11_FinalAcknowledgementBeyondTheLast_IsInvalidAndFaults()
    {
        var s = Sent(2, RmVersion.Rm11);
        s.BeginClose();

        var result = s.OnFinalAcknowledgement(Final(new AckRange(1, 3)), Ms(10));

        Assert.Equal((AcknowledgementOutcome.Invalid, SourceState.Faulted), (result.Outcome, s.State));
    }

    [Fact]
    public void Rm11_FinalAcknowledgement_BeforeBeginCloseOrOn10_Throws()
    {
        var active = Sent(1, RmVersion.Rm11);
        var rm10 = Sent(1, RmVersion.Rm10);
        rm10.BeginClose();

        Assert.Throws<InvalidOperationException>(() => active.OnFinalAcknowledgement(Final(new AckRange(1, 1)), T0));
        Assert.Throws<InvalidOperationException>(() => rm10.OnFinalAcknowledgement(Final(new AckRange(1, 1)), T0));
    }

    [Fact]
    public void Rm11_FinalFlagOnAnOrdinaryAcknowledgementWhileClosing_Closes()
    {
        var s = Sent(2, RmVersion.Rm11);
        s.BeginClose();

        var result = s.OnAcknowledgement(Final(new AckRange(1, 2)), Ms(10));

        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Closed), result.Transition);
    }

    [Fact]
    public void Rm11_DestinationClosingOnItsOwn_WithEverythingAcknowledged_Closes()
    {
        var s = Sent(2, RmVersion.Rm11);

        var result = s.OnAcknowledgement(Final(new AckRange(1, 2)), Ms(10));

        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Closed), result.Transition);
        Assert.Equal((ulong?)2, s.LastMessageNumber);
    }

    [Fact]
    public void Rm11_DestinationClosingOnItsOwn_WithMessagesMissing_Faults()
    {
        var s = Sent(3, RmVersion.Rm11);

        var result = s.OnAcknowledgement(Final(new AckRange(1, 2)), Ms(10));

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
        Assert.Equal([1UL, 2], Numbers(result));
        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Faulted), result.Transition);
        Assert.Equal(SourceFailureKind.DestinationClosed, s.Failure!.Kind);
        Assert.Equal([new SourceMessage(3, "m3") { MayHaveArrived = true }], s.TakeUnacknowledged());
    }

    [Fact]
    public void Rm10_LastMessage_IsNumberedOnceAndItsAcknowledgementCloses()
    {
        var s = Sent(2, RmVersion.Rm10);
        s.BeginClose();

        var last = s.AssignLastMessage("last", Ms(10));
        var again = s.AssignLastMessage("other", Ms(20));
        s.OnSent(3, Ms(10));
        var partial = s.OnAcknowledgement(Ack(1, 2), Ms(30));
        var complete = s.OnAcknowledgement(Ack(1, 3), Ms(40));

        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 3), last);
        Assert.Equal(last, again);
        Assert.Equal((ulong?)3, s.LastMessageNumber);
        Assert.Equal(SourceState.Closing, partial.Transition.After);
        Assert.Equal([new SourceMessage(3, "last")], complete.NewlyAcknowledged);
        Assert.Equal(new SourceStateTransition(SourceState.Closing, SourceState.Closed), complete.Transition);
        Assert.Equal(new SourceStateTransition(SourceState.Closed, SourceState.Terminated), s.Terminate());
        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 3), s.AssignLastMessage("x", Ms(50)));
    }

    [Fact]
    public void Rm10_AllAcknowledgedBeforeTheLastMessage_StaysClosing()
    {
        var s = Sent(2, RmVersion.Rm10);
        s.BeginClose();

        s.OnAcknowledgement(Ack(1, 2), Ms(10));

        Assert.Equal(SourceState.Closing, s.State);
    }

    [Fact]
    public void Rm10_LastMessage_MayExceedTheWindowByOne()
    {
        var s = Sent(2, RmVersion.Rm10, new SourceSequenceSettings { TransferWindow = 2 });
        s.BeginClose();

        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 3), s.AssignLastMessage("last", Ms(10)));
        Assert.Equal(3, s.UnacknowledgedCount);
    }

    [Fact]
    public void Rm10_LastMessage_IsRetransmittedLikeAnyMessage()
    {
        var s = Active(rm: RmVersion.Rm10);
        s.BeginClose();
        s.AssignLastMessage("last", T0);
        s.OnSent(1, T0);

        Assert.Equal([1UL], s.DueRetransmissions(T0.AddSeconds(1)).Numbers);
    }

    [Fact]
    public void Rm10_LastMessage_RefusedBeforeBeginCloseAndPastTheMaximum()
    {
        var s = Sent(2, RmVersion.Rm10, new SourceSequenceSettings { MaxMessageNumber = 2 });

        Assert.Equal(AssignOutcome.NotActive, s.AssignLastMessage("last", T0).Outcome);
        s.BeginClose();
        Assert.Equal(AssignOutcome.MessageNumberRollover, s.AssignLastMessage("last", T0).Outcome);
    }

    [Fact]
    public void Rm11_AssignLastMessage_Throws()
    {
        var s = Active();
        s.BeginClose();

        Assert.Throws<InvalidOperationException>(() => s.AssignLastMessage("last", T0));
    }

    [Fact]
    public void Rm10_FinalFlag_IsNotAClose()
    {
        var s = Sent(2, RmVersion.Rm10);

        s.OnAcknowledgement(Final(new AckRange(1, 2)), Ms(10));

        Assert.Equal(SourceState.Active, s.State);
    }
}
