using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class SourceSequenceTests
{
    [Fact]
    public void New_IsCreatingWithoutIdAndRefusesNumbers()
    {
        var s = new SourceSequence(RmVersion.Rm10, new SourceSequenceSettings(), T0);

        Assert.Equal((SourceState.Creating, (string?)null, RmVersion.Rm10, 0UL, T0), (s.State, s.Id, s.Rm, s.HighestAssigned, s.CreatedAt));
        Assert.Equal(AssignResult.Refused(AssignOutcome.NotActive), s.TryAssign("x", T0));
        Assert.Null(s.NextDueTime);
        Assert.Throws<InvalidOperationException>(() => s.OnAcknowledgement(Ack(1, 1), T0));
    }

    [Fact]
    public void OnCreated_ActivatesOnceAndKeepsTheFirstId()
    {
        var s = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);

        var first = s.OnCreated("urn:a", TimeSpan.FromMinutes(10), Ms(20));
        var again = s.OnCreated("urn:b", null, Ms(30));

        Assert.Equal(new SourceStateTransition(SourceState.Creating, SourceState.Active), first);
        Assert.True(first.Changed);
        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Active), again);
        Assert.False(again.Changed);
        Assert.Equal(("urn:a", Ms(20), (DateTimeOffset?)T0.AddMinutes(10).AddMilliseconds(20)), (s.Id, s.LastReceivedAt, s.ExpiresAt));
        Assert.False(s.IsExpired(T0.AddMinutes(10)));
        Assert.True(s.IsExpired(T0.AddMinutes(10).AddMilliseconds(20)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void OnCreated_ZeroOrNegativeExpires_MeansNoExpiry(long ticks)
    {
        var s = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);

        s.OnCreated("urn:a", TimeSpan.FromTicks(ticks), T0);

        Assert.Null(s.ExpiresAt);
        Assert.False(s.IsExpired(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void OnCreated_HugeExpires_Saturates()
    {
        var s = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);

        s.OnCreated("urn:a", TimeSpan.MaxValue, T0);

        Assert.Equal(DateTimeOffset.MaxValue, s.ExpiresAt);
    }

    [Fact]
    public void TryAssign_NumbersFromOneByOne()
    {
        var s = Active();

        var numbers = Enumerable.Range(0, 5).Select(i => s.TryAssign("p" + i, T0)).ToArray();

        Assert.All(numbers, n => Assert.Equal(AssignOutcome.Assigned, n.Outcome));
        Assert.Equal([1UL, 2, 3, 4, 5], numbers.Select(n => n.Number));
        Assert.Equal((5UL, 5), (s.HighestAssigned, s.UnacknowledgedCount));
        Assert.True(s.TryGetPayload(3, out var payload));
        Assert.Equal("p2", payload);
        Assert.False(s.TryGetPayload(6, out _));
    }

    [Fact]
    public void TryAssign_StopsAtTheWindowAndResumesWhenAcknowledged()
    {
        var s = Active(new SourceSequenceSettings { TransferWindow = 3 });
        SendMany(s, 3, T0);

        Assert.Equal(AssignOutcome.WindowFull, s.TryAssign("x", T0).Outcome);
        s.OnAcknowledgement(Ack(1, 2), Ms(10));

        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 4), s.TryAssign("x", Ms(10)));
        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 5), s.TryAssign("y", Ms(10)));
        Assert.Equal(AssignOutcome.WindowFull, s.TryAssign("z", Ms(10)).Outcome);
    }

    [Fact]
    public void TryAssign_WindowCountsUnacknowledgedMessagesNotTheSpanOfNumbers()
    {
        var s = Active(new SourceSequenceSettings { TransferWindow = 3 });
        SendMany(s, 3, T0);

        s.OnAcknowledgement(Ack(2, 3), Ms(10)); // 1 still missing

        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 4), s.TryAssign("x", Ms(10)));
        Assert.Equal(new AssignResult(AssignOutcome.Assigned, 5), s.TryAssign("x", Ms(10)));
        Assert.Equal(AssignOutcome.WindowFull, s.TryAssign("x", Ms(10)).Outcome);
    }

    [Fact]
    public void TryAssign_RefusesPastTheMaximumNumber()
    {
        var s = Active(new SourceSequenceSettings { MaxMessageNumber = 2 });
        SendMany(s, 2, T0);
        s.OnAcknowledgement(Ack(1, 2), Ms(10));

        Assert.Equal(AssignResult.Refused(AssignOutcome.MessageNumberRollover), s.TryAssign("x", Ms(10)));
        Assert.False(s.TryAssign("x", Ms(10)).IsAssigned);
    }

    [Fact]
    public void BufferRemaining_LimitsNewMessagesBeyondThoseInFlight()
    {
        var s = Active(new SourceSequenceSettings { TransferWindow = 32 });
        SendMany(s, 4, T0);

        // Destination got 1-2 and has room for 3 more; 3 and 4 are still in flight and will take two of them.
        var result = s.OnAcknowledgement(Ack(1, 2) with { BufferRemaining = 3 }, Ms(10));

        Assert.Equal((2, (int?)3, (int?)1), (result.NewlyAcknowledged.Count, s.BufferRemaining, s.DestinationRoom));
        Assert.True(s.TryAssign("x", Ms(10)).IsAssigned);
        Assert.Equal(AssignResult.Refused(AssignOutcome.DestinationBufferFull), s.TryAssign("y", Ms(10)));
        Assert.Equal((int?)0, s.DestinationRoom);
    }

    [Fact]
    public void BufferRemaining_ZeroStopsEverythingUntilTheDestinationFreesRoom()
    {
        var s = Active();
        SendMany(s, 2, T0);

        s.OnAcknowledgement(Ack(1, 2) with { BufferRemaining = 0 }, Ms(10));
        Assert.Equal(AssignOutcome.DestinationBufferFull, s.TryAssign("x", Ms(10)).Outcome);

        s.OnAcknowledgement(Ack(1, 2) with { BufferRemaining = 2 }, Ms(20));
        Assert.True(s.TryAssign("x", Ms(20)).IsAssigned);
    }

    [Fact]
    public void BufferRemaining_AbsentFromALaterAckLiftsTheLimit()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.OnAcknowledgement(Ack(1, 1) with { BufferRemaining = 0 }, Ms(10));

        s.OnAcknowledgement(Ack(1, 1), Ms(20));

        Assert.Equal(((int?)null, (int?)null), (s.BufferRemaining, s.DestinationRoom));
        Assert.True(s.TryAssign("x", Ms(20)).IsAssigned);
    }

    [Fact]
    public void Terminate_IsIdempotentAndStopsEverything()
    {
        var s = Active();
        SendMany(s, 2, T0);

        var first = s.Terminate();
        var second = s.Terminate();

        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Terminated), first);
        Assert.Equal(new SourceStateTransition(SourceState.Terminated, SourceState.Terminated), second);
        Assert.Equal(AssignOutcome.NotActive, s.TryAssign("x", T0).Outcome);
        Assert.False(s.OnSent(1, T0));
        Assert.Null(s.NextDueTime);
        Assert.Equal(RetransmissionBatch.None, s.DueRetransmissions(T0.AddHours(1)));
        Assert.Equal(AcknowledgementOutcome.Ignored, s.OnAcknowledgement(Ack(1, 2), T0).Outcome);
        Assert.Equal([new SourceMessage(1, "m1") { MayHaveArrived = true }, new SourceMessage(2, "m2") { MayHaveArrived = true }], s.TakeUnacknowledged());
        Assert.Empty(s.TakeUnacknowledged());
    }

    [Fact]
    public void Fault_KeepsTheFirstFailureAndIsFinal()
    {
        var s = Active();
        var refused = SourceFailure.RemoteFault(new UnknownSequenceFault(Id));

        var first = s.Fault(refused);
        var second = s.Fault(SourceFailure.Inactive(Id, TimeSpan.FromMinutes(10)));
        var terminate = s.Terminate();

        Assert.Equal(new SourceStateTransition(SourceState.Active, SourceState.Faulted), first);
        Assert.False(second.Changed);
        Assert.False(terminate.Changed);
        Assert.Same(refused, s.Failure);
        Assert.Equal(SourceFailureKind.RemoteFault, s.Failure!.Kind);
        Assert.Contains(Id, s.Failure.Message);
    }

    [Fact]
    public void Fault_AfterTerminate_ChangesNothing()
    {
        var s = Active();
        s.Terminate();

        Assert.False(s.Fault(SourceFailure.Inactive(Id, TimeSpan.FromMinutes(1))).Changed);
        Assert.Null(s.Failure);
    }

    [Fact]
    public void Fault_FromCreating_ForARefusedCreateSequence()
    {
        var s = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);

        var t = s.Fault(SourceFailure.RemoteFault(new CreateSequenceRefusedFault("busy")));

        Assert.Equal(new SourceStateTransition(SourceState.Creating, SourceState.Faulted), t);
    }

    [Fact]
    public void TakeUnacknowledged_WhileSending_Throws()
    {
        var s = Active();

        Assert.Throws<InvalidOperationException>(() => s.TakeUnacknowledged());
    }

    [Fact]
    public void OnAcknowledgement_ForAnotherSequence_Throws()
    {
        var s = Active();
        SendMany(s, 1, T0);

        Assert.Throws<ArgumentException>(() => s.OnAcknowledgement(Ack(1, 1) with { Identifier = "urn:other" }, T0));
    }
}
