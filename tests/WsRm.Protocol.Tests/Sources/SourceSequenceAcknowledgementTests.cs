using WsRm.Protocol.Faults;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class SourceSequenceAcknowledgementTests
{
    private static SourceSequence Sent(int count, SourceSequenceSettings? settings = null)
    {
        var s = Active(settings);
        SendMany(s, count, T0);
        return s;
    }

    private static void AssertInvalid(SourceSequence s, SequenceAcknowledgement ack)
    {
        var before = (s.State, s.UnacknowledgedCount);
        var acked = s.Acknowledged.ToArray();

        var result = s.OnAcknowledgement(ack, Ms(50));

        Assert.Equal(AcknowledgementOutcome.Invalid, result.Outcome);
        Assert.Same(ack, Assert.IsType<InvalidAcknowledgementFault>(result.Fault).Acknowledgement);
        Assert.Empty(result.NewlyAcknowledged);
        Assert.Equal(before, (s.State, s.UnacknowledgedCount));
        Assert.Equal(acked, s.Acknowledged);
    }

    [Fact]
    public void Cumulative_ReleasesInOrderAndReportsOnlyNewNumbers()
    {
        var s = Sent(5);

        var first = s.OnAcknowledgement(Ack(1, 2), Ms(40));
        var second = s.OnAcknowledgement(Ack(1, 4), Ms(50));

        Assert.Equal((AcknowledgementOutcome.Applied, false), (first.Outcome, first.FullyAcknowledged));
        Assert.Equal([new SourceMessage(1, "m1"), new SourceMessage(2, "m2")], first.NewlyAcknowledged);
        Assert.Equal([3UL, 4], Numbers(second));
        Assert.Equal([new AckRange(1, 4)], s.Acknowledged);
        Assert.Equal(1, s.UnacknowledgedCount);
        Assert.False(s.IsFullyAcknowledged);
    }

    [Fact]
    public void RangesWithGaps_ReleaseOnlyWhatTheyCover()
    {
        var s = Sent(8);

        var result = s.OnAcknowledgement(Ack(new AckRange(1, 2), new AckRange(4, 5), new AckRange(8, 8)), Ms(40));

        Assert.Equal([1UL, 2, 4, 5, 8], Numbers(result));
        Assert.Equal(3, s.UnacknowledgedCount);
        Assert.True(s.TryGetPayload(3, out _));
        Assert.False(s.TryGetPayload(4, out _));

        var fill = s.OnAcknowledgement(Ack(1, 8), Ms(60));
        Assert.Equal([3UL, 6, 7], Numbers(fill));
        Assert.True(fill.FullyAcknowledged);
        Assert.True(s.IsFullyAcknowledged);
    }

    [Fact]
    public void AdjacentRanges_AreOneRange()
    {
        var s = Sent(4);
        s.OnAcknowledgement(Ack(1, 4), Ms(40));

        var result = s.OnAcknowledgement(Ack(new AckRange(1, 2), new AckRange(3, 4)), Ms(50));

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
    }

    [Fact]
    public void RepeatedAck_IsAppliedButReleasesNothing()
    {
        var s = Sent(3);
        s.OnAcknowledgement(Ack(1, 3), Ms(40));

        var again = s.OnAcknowledgement(Ack(1, 3) with { BufferRemaining = 7 }, Ms(50));

        Assert.Equal((AcknowledgementOutcome.Applied, 0, true), (again.Outcome, again.NewlyAcknowledged.Count, again.FullyAcknowledged));
        Assert.Equal((int?)7, s.BufferRemaining);
    }

    [Fact]
    public void Retraction_ThatAlsoAddsNumbers_IsInvalid()
    {
        var s = Sent(4);
        s.OnAcknowledgement(Ack(1, 2), Ms(40));

        // Acknowledges 3-4, which is new, but drops 2: no destination snapshot can do that.
        AssertInvalid(s, Ack(new AckRange(1, 1), new AckRange(3, 4)));
    }

    [Fact]
    public void OlderSnapshot_OvertakenOnAnotherRequest_IsStaleNotInvalid()
    {
        var s = Sent(4);
        s.OnAcknowledgement(Ack(1, 3) with { BufferRemaining = 9 }, Ms(40));

        var stale = s.OnAcknowledgement(Ack(1, 1) with { BufferRemaining = 1 }, Ms(45));

        Assert.Equal((AcknowledgementOutcome.Stale, 0, (InvalidAcknowledgementFault?)null), (stale.Outcome, stale.NewlyAcknowledged.Count, stale.Fault));
        Assert.Equal([new AckRange(1, 3)], s.Acknowledged);
        Assert.Equal((int?)9, s.BufferRemaining); // an old BufferRemaining is not applied either
        Assert.Equal(Ms(45), s.LastReceivedAt);   // but the destination is alive
    }

    [Fact]
    public void NoneAfterAcknowledgements_IsStale()
    {
        var s = Sent(2);
        s.OnAcknowledgement(Ack(1, 1), Ms(40));

        Assert.Equal(AcknowledgementOutcome.Stale, s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, None = true }, Ms(50)).Outcome);
    }

    [Fact]
    public void None_BeforeAnything_IsApplied()
    {
        var s = Sent(2);

        var result = s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, None = true, BufferRemaining = 4 }, Ms(50));

        Assert.Equal(AcknowledgementOutcome.Applied, result.Outcome);
        Assert.Equal((int?)2, s.DestinationRoom);
    }

    [Fact]
    public void BeyondHighestAssigned_IsInvalid()
    {
        var s = Sent(3);

        AssertInvalid(s, Ack(1, 4));
        AssertInvalid(s, new SequenceAcknowledgement { Identifier = Id, Nacks = [4] });
    }

    [Fact]
    public void AnythingBeforeTheFirstAssignment_IsInvalid() => AssertInvalid(Active(), Ack(1, 1));

    [Fact]
    public void RangesWithNackOrNone_AreInvalid()
    {
        var s = Sent(3);

        AssertInvalid(s, Ack(1, 1) with { Nacks = [2] });
        AssertInvalid(s, Ack(1, 1) with { None = true });
        AssertInvalid(s, new SequenceAcknowledgement { Identifier = Id, Nacks = [2], None = true });
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(3UL, 2UL)]
    public void MalformedRange_IsInvalid(ulong lower, ulong upper) => AssertInvalid(Sent(3), Ack(lower, upper));

    [Fact]
    public void RangesOutOfOrderOrOverlapping_AreInvalid()
    {
        var s = Sent(6);

        AssertInvalid(s, Ack(new AckRange(4, 5), new AckRange(1, 2)));
        AssertInvalid(s, Ack(new AckRange(1, 3), new AckRange(3, 5)));
        AssertInvalid(s, new SequenceAcknowledgement { Identifier = Id, Nacks = [0] });
    }

    [Fact]
    public void NoNumberIsNewlyAcknowledgedTwice()
    {
        var s = Sent(6);
        var seen = new List<ulong>();

        foreach (var ack in new[] { Ack(2, 2), Ack(1, 3), Ack(1, 3), Ack(new AckRange(1, 3), new AckRange(5, 6)), Ack(1, 6) })
            seen.AddRange(Numbers(s.OnAcknowledgement(ack, Ms(40))));

        Assert.Equal([2UL, 1, 3, 5, 6, 4], seen);
    }

    [Fact]
    public void Nack_MarksForImmediateRetransmissionWithoutBackoff()
    {
        var s = Sent(3);

        var result = s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, Nacks = [2, 3] }, Ms(40));

        Assert.Equal((AcknowledgementOutcome.Applied, 2), (result.Outcome, result.RetransmissionsRequested));
        Assert.Equal(Ms(40), s.NextDueTime);
        Assert.Equal([2UL, 3], s.DueRetransmissions(Ms(40)).Numbers);
        Assert.Equal(0, s.Rtt.BackoffLevel);
    }

    [Fact]
    public void Nack_OfAnAcknowledgedNumber_IsStale()
    {
        var s = Sent(3);
        s.OnAcknowledgement(Ack(1, 2), Ms(40));

        var result = s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, Nacks = [2, 3] }, Ms(50));

        Assert.Equal((AcknowledgementOutcome.Stale, 0), (result.Outcome, result.RetransmissionsRequested));
        Assert.Equal(T0.AddSeconds(1), s.NextDueTime);
    }

    [Fact]
    public void Nack_SoonAfterARetransmission_IsNotHonouredAgain()
    {
        var s = Sent(2);
        s.OnAcknowledgement(Ack(2, 2), Ms(100)); // SRTT 100 ms
        s.OnSent(1, Ms(150));                    // a retransmission already on its way

        var result = s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, Nacks = [1] }, Ms(200));

        Assert.Equal(0, result.RetransmissionsRequested);
        Assert.Equal(Ms(150) + s.Rtt.Rto, s.NextDueTime);
    }

    [Fact]
    public void AfterTermination_AcknowledgementsAreIgnored()
    {
        var s = Sent(2);
        s.Terminate();

        var result = s.OnAcknowledgement(Ack(1, 9), Ms(40));

        Assert.Equal((AcknowledgementOutcome.Ignored, SourceState.Terminated), (result.Outcome, result.Transition.After));
    }
}
