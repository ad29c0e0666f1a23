using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>
/// A destination that answers messages without acknowledging them (HTTP 202, as gSOAP does): messages are probed with
/// AckRequested before they are sent again, retries are bounded without faulting a destination that only acknowledges
/// late, and closing knows when only the final acknowledgement is left.
/// </summary>
public class SourceSequenceLateAcknowledgementTests
{
    private static DateTimeOffset S(double seconds) => T0.AddSeconds(seconds);

    // One message sent at T0 and answered (202) 10 ms later.
    private static SourceSequence Answered(SourceSequenceSettings? settings = null, RmVersion? rm = null, int count = 1)
    {
        var s = Active(settings, rm);
        SendMany(s, count, T0);
        for (ulong n = 1; n <= (ulong)count; n++) Assert.True(s.OnTransmissionAnswered(n, 1, Ms(10)));
        return s;
    }

    [Fact]
    public void AnAnswerWithoutAcknowledgement_IsARoundTripSample_AndTurnsOnAckRequestedHeaders()
    {
        var s = Active();
        SendMany(s, 1, T0);
        Assert.False(s.RequestsAcknowledgements);

        Assert.True(s.OnTransmissionAnswered(1, 1, Ms(10)));

        Assert.True(s.RequestsAcknowledgements);
        Assert.Equal(TimeSpan.FromMilliseconds(10), s.Rtt.SmoothedRtt);
        Assert.False(s.OnTransmissionAnswered(1, 1, Ms(20))); // once per transmission
    }

    [Fact]
    public void AnAnswerThatAcknowledged_ChangesNothing()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.OnAcknowledgement(Ack(1, 1), Ms(10)); // the response carried the acknowledgement (today's fast path)

        Assert.False(s.OnTransmissionAnswered(1, 1, Ms(10)));
        Assert.False(s.RequestsAcknowledgements);
    }

    [Fact]
    public void AnAnswerThatAcknowledgedOthersButNotItsMessage_IsAcceptedWithoutTurningOnAckRequestedHeaders()
    {
        var s = Active();
        SendMany(s, 2, T0);
        s.OnAcknowledgement(Ack(1, 1), Ms(10)); // the answer to a duplicate of 2 that overtook the original, say

        Assert.True(s.OnTransmissionAnswered(2, 1, Ms(10), answerAcknowledgedSequence: true));

        Assert.False(s.RequestsAcknowledgements); // a destination that acknowledges on its answers pays nothing
        Assert.True(s.DueRetransmissions(S(1)).AckRequested); // but the message is asked for before it is resent
    }

    [Fact]
    public void AnOlderTransmissionsAnswer_IsIgnored()
    {
        var s = Active();
        SendMany(s, 1, T0);
        Assert.Equal([1UL], s.DueRetransmissions(S(1)).Numbers);
        s.OnSent(1, S(1));

        Assert.False(s.OnTransmissionAnswered(1, 1, S(1.01)));
        Assert.Null(s.Rtt.SmoothedRtt); // Karn: no sample from a retransmitted message
    }

    [Fact]
    public void AtItsTimer_AnAnsweredMessageIsProbedNotResent_ThenResentAtTheNextExpiry()
    {
        var s = Answered();
        Assert.Equal(S(1), s.NextDueTime); // the timer armed when it was sent (initial RTO)

        var probe = s.DueRetransmissions(S(1));
        Assert.Empty(probe.Numbers);
        Assert.True(probe.AckRequested);
        Assert.Equal(1, s.TransmissionsOf(1));
        s.OnAckRequestedSent(S(1));

        // The AckRequested got no answer: the timer (backed off from the 50 ms RTO the sample gave) resends.
        var next = s.NextDueTime!.Value;
        Assert.Equal(S(1) + s.Rtt.TimeoutFor(1), next);
        var resend = s.DueRetransmissions(next);
        Assert.Equal([1UL], resend.Numbers);
        Assert.False(resend.AckRequested);
    }

    [Fact]
    public void AProbeAnsweredWithoutTheAcknowledgement_ResendsAtOnce()
    {
        var s = Answered(count: 2);
        Assert.True(s.DueRetransmissions(S(1)).AckRequested);
        var stamp = s.OnAckRequestedSent(S(1));
        s.OnAcknowledgement(Ack(1, 1), S(1.01)); // the answer acknowledges 1 only

        s.OnAckRequestedAnswered(stamp, acknowledged: true, S(1.01));

        Assert.Equal(S(1.01), s.NextDueTime);
        Assert.Equal([2UL], s.DueRetransmissions(S(1.01)).Numbers);
    }

    [Fact]
    public void AnAckRequestedAnsweredWithTheAcknowledgement_ReleasesWithoutASecondSample()
    {
        var s = Answered();
        var srtt = s.Rtt.SmoothedRtt;
        Assert.True(s.DueRetransmissions(S(1)).AckRequested);
        var stamp = s.OnAckRequestedSent(S(1));

        var result = s.OnAcknowledgement(Ack(1, 1), S(1.01));
        s.OnAckRequestedAnswered(stamp, acknowledged: true, S(1.01));

        Assert.Equal([1UL], Numbers(result));
        Assert.Null(result.RttSample); // a late acknowledgement measures the destination's delay, not the path
        Assert.Equal(srtt, s.Rtt.SmoothedRtt);
        Assert.Null(s.NextDueTime);
    }

    [Fact]
    public void RetriesSpentOnAcceptedTransmissions_ParkTheMessage_WithoutFaulting_UntilItIsAcknowledged()
    {
        var s = Answered(new SourceSequenceSettings { MaxRetryCount = 2 });
        var probes = 0;
        var resends = 0;
        var parked = new List<ulong>();
        while (s.NextDueTime is { } now)
        {
            var batch = s.DueRetransmissions(now);
            Assert.False(batch.IsFailure);
            parked.AddRange(batch.Parked);
            if (batch.AckRequested)
            {
                probes++;
                s.OnAckRequestedSent(now);
            }
            foreach (var n in batch.Numbers)
            {
                resends++;
                s.OnSent(n, now);
                Assert.True(s.OnTransmissionAnswered(n, s.TransmissionsOf(n), now + TimeSpan.FromMilliseconds(5)));
            }
        }

        Assert.Equal((3, 2, SourceState.Active), (probes, resends, s.State)); // a probe per transmission, MaxRetryCount resends
        Assert.Equal([1UL], parked);
        Assert.Equal(1, s.UnacknowledgedCount);
        Assert.Equal([1UL], Numbers(s.OnAcknowledgement(Ack(1, 1), S(600))));
        Assert.True(s.IsFullyAcknowledged);
    }

    [Fact]
    public void RetriesSpentWithoutAnyAnswer_StillFault()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 1 });
        SendMany(s, 1, T0);
        Assert.Equal([1UL], s.DueRetransmissions(S(1)).Numbers);
        s.OnSent(1, S(1));

        var batch = s.DueRetransmissions(s.NextDueTime!.Value);

        Assert.Equal(SourceFailureKind.RetriesExhausted, batch.Failure!.Kind);
        Assert.Equal(SourceState.Faulted, s.State);
    }

    [Fact]
    public void ANack_ResendsAnAcceptedMessageAtOnce_WithoutProbing()
    {
        var s = Answered(count: 2);

        s.OnAcknowledgement(new SequenceAcknowledgement { Identifier = Id, Nacks = [1] }, Ms(20));

        var batch = s.DueRetransmissions(Ms(20));
        Assert.Equal([1UL], batch.Numbers);
        Assert.False(batch.AckRequested);
    }

    [Fact]
    public void WhileAcknowledgementsAreAwaited_OneAckRequestedIsDueAtOnce_PerNewUnacknowledgedAnswer()
    {
        var inactivity = TimeSpan.FromMinutes(10);
        var s = Answered();
        var keepAlive = s.NextAckRequestedTime(inactivity);
        Assert.Equal(Ms(10) + inactivity / 2, keepAlive); // the answer counts as hearing from the destination

        Assert.True(s.NeedsAckRequested(Ms(10), inactivity, acknowledgementsAwaited: true));
        Assert.False(s.NeedsAckRequested(Ms(10), inactivity, acknowledgementsAwaited: false));
        s.OnAckRequestedSent(Ms(10));
        Assert.False(s.NeedsAckRequested(Ms(10), inactivity, acknowledgementsAwaited: true)); // asked: the timers take over

        SendMany(s, 1, Ms(20));
        s.OnTransmissionAnswered(2, 1, Ms(20));
        Assert.Equal(DateTimeOffset.MinValue, s.NextAckRequestedTime(inactivity, acknowledgementsAwaited: true));

        s.OnAcknowledgement(Ack(1, 2), Ms(30)); // nothing left to ask for
        Assert.False(s.NeedsAckRequested(Ms(30), inactivity, acknowledgementsAwaited: true));
    }

    [Fact]
    public void Closing11_AwaitsTheFinalAcknowledgement_OnlyWhenAckRequestedBringsNothing()
    {
        var s = Answered(count: 2);
        s.BeginClose();
        Assert.False(s.AwaitsFinalAcknowledgement); // not asked yet

        var answeredWithAck = s.OnAckRequestedSent(Ms(20));
        s.OnAckRequestedAnswered(answeredWithAck, acknowledged: true, Ms(21));
        Assert.False(s.AwaitsFinalAcknowledgement); // the destination answers AckRequested: keep waiting

        var answeredEmpty = s.OnAckRequestedSent(Ms(30));
        s.OnAckRequestedAnswered(answeredEmpty, acknowledged: false, Ms(31));
        Assert.True(s.AwaitsFinalAcknowledgement);

        var final = s.OnFinalAcknowledgement(Ack(1, 2) with { Final = true }, Ms(40));
        Assert.Equal([1UL, 2], Numbers(final));
        Assert.Equal(SourceState.Closed, s.State);
    }

    [Fact]
    public void Closing11_DoesNotAwaitTheFinalAcknowledgement_WhileAMessageIsUnanswered()
    {
        var s = Answered();
        SendMany(s, 1, Ms(20)); // message 2 is in flight
        s.BeginClose();
        var stamp = s.OnAckRequestedSent(Ms(30));
        s.OnAckRequestedAnswered(stamp, acknowledged: false, Ms(31));

        Assert.False(s.AwaitsFinalAcknowledgement);
        s.OnTransmissionAnswered(2, 1, Ms(40)); // answered after that AckRequested: ask again first
        Assert.False(s.AwaitsFinalAcknowledgement);
        s.OnAckRequestedAnswered(s.OnAckRequestedSent(Ms(50)), acknowledged: false, Ms(51));
        Assert.True(s.AwaitsFinalAcknowledgement);
    }

    [Fact]
    public void AfterCloseSequence_NothingIsRetransmitted()
    {
        var s = Answered(count: 2);
        s.BeginClose();

        s.OnCloseSequenceSent();

        Assert.Null(s.NextDueTime);
        Assert.Equal(RetransmissionBatch.None, s.DueRetransmissions(S(100)));
        Assert.Equal(2, s.UnacknowledgedCount); // the final acknowledgement decides
    }

    [Fact]
    public void Closing10_AwaitsTheFinalAcknowledgement_Too_ItComesOnTerminateSequencesAnswer()
    {
        var s = Answered(rm: RmVersion.Rm10);
        s.BeginClose();
        s.OnAckRequestedAnswered(s.OnAckRequestedSent(Ms(20)), acknowledged: false, Ms(21));

        Assert.True(s.AwaitsFinalAcknowledgement);
        Assert.Equal(SourceCloseStep.SendLastMessage, s.NextCloseStep); // see SourceSequenceCloseStepTests
    }
}
