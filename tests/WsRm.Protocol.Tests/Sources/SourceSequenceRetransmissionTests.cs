using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class SourceSequenceRetransmissionTests
{
    private static DateTimeOffset S(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void UnsentMessages_HaveNoTimer()
    {
        var s = Active();
        s.TryAssign("x", T0);

        Assert.Null(s.NextDueTime);
        Assert.Empty(s.DueRetransmissions(S(100)).Numbers);
    }

    [Fact]
    public void FirstTimer_UsesTheInitialTimeout()
    {
        var s = Active();
        SendMany(s, 1, T0);

        Assert.Equal(S(1), s.NextDueTime);
        Assert.Empty(s.DueRetransmissions(S(0.999)).Numbers);
        Assert.Equal([1UL], s.DueRetransmissions(S(1)).Numbers);
    }

    [Fact]
    public void Backoff_DoublesPerRetransmissionOfTheSameMessageUpToTheCap()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 20 });
        SendMany(s, 1, T0);
        var dueTimes = new List<double>();

        for (var i = 0; i < 8; i++)
        {
            var now = s.NextDueTime!.Value;
            dueTimes.Add((now - T0).TotalSeconds);
            Assert.Equal([1UL], s.DueRetransmissions(now).Numbers);
            s.OnSent(1, now);
        }

        // Timers of 1, 2, 4, 8, 16, 32 s, then the 60 s cap.
        Assert.Equal([1.0, 3, 7, 15, 31, 63, 123, 183], dueTimes);
    }

    [Fact]
    public void DueRetransmissions_AreInNumberOrderAndBoundedByTheBurst()
    {
        var s = Active(new SourceSequenceSettings { MaxRetransmissionBurst = 2 });
        SendMany(s, 2, S(0.5));
        SendMany(s, 3, T0); // 3, 4, 5 were sent before 1 and 2 (timers expire first)

        Assert.Equal(S(1), s.NextDueTime);
        Assert.Equal([3UL, 4], s.DueRetransmissions(S(1)).Numbers);
        Assert.Equal(S(1), s.NextDueTime); // more are due: call again
        Assert.Equal([5UL], s.DueRetransmissions(S(1)).Numbers);
        Assert.Equal(S(1.5), s.NextDueTime);
        s.OnSent(3, S(1));
        s.OnSent(4, S(1));
        s.OnSent(5, S(1));
        Assert.Equal([1UL, 2], s.DueRetransmissions(S(1.5)).Numbers); // by number when several are due
        Assert.Empty(s.DueRetransmissions(S(1.5)).Numbers);
    }

    [Fact]
    public void HandedOutButNotSent_IsOfferedAgainAfterItsTimeout()
    {
        var s = Active();
        SendMany(s, 1, T0);

        Assert.Equal([1UL], s.DueRetransmissions(S(1)).Numbers);
        Assert.Equal(S(3), s.NextDueTime);
        Assert.Empty(s.DueRetransmissions(S(2)).Numbers);
        Assert.Equal([1UL], s.DueRetransmissions(S(3)).Numbers);
    }

    [Fact]
    public void MassExpiry_BacksOffTheSequenceOnce()
    {
        var s = Active();
        SendMany(s, 5, T0);

        var batch = s.DueRetransmissions(S(1));

        Assert.Equal(5, batch.Numbers.Count);
        Assert.Equal(1, s.Rtt.BackoffLevel);
    }

    [Fact]
    public void NewMessages_KeepTheBackedOffTimeoutUntilAFreshSample_Karn()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.DueRetransmissions(S(1));
        s.OnSent(1, S(1));

        SendMany(s, 1, S(1)); // message 2, first transmission

        Assert.Equal(S(3), s.NextDueTime); // 2·RTO for both
        Assert.Equal([1UL, 2], s.DueRetransmissions(S(3)).Numbers);
    }

    [Fact]
    public void RetransmittedMessage_GivesNoRttSample_Karn()
    {
        var s = Active();
        SendMany(s, 1, T0);
        s.DueRetransmissions(S(1));
        s.OnSent(1, S(1));

        var result = s.OnAcknowledgement(Ack(1, 1), S(1.1));

        Assert.Null(result.RttSample);
        Assert.Equal((0, (TimeSpan?)null, 1), (s.Rtt.Generation, s.Rtt.SmoothedRtt, s.Rtt.BackoffLevel));
    }

    [Fact]
    public void OneSamplePerAcknowledgement_FromTheNewestSingleTransmission()
    {
        var s = Active();
        SendMany(s, 1, T0);
        SendMany(s, 1, Ms(50));
        SendMany(s, 1, Ms(60));
        Assert.Equal([1UL], s.DueRetransmissions(S(1)).Numbers);
        Assert.Equal([2UL, 3], s.DueRetransmissions(S(1.06)).Numbers);
        s.OnSent(3, S(1.06));       // 3 retransmitted: excluded

        var result = s.OnAcknowledgement(Ack(1, 3), Ms(1080));

        Assert.Equal(TimeSpan.FromMilliseconds(1030), result.RttSample); // from message 2, sent at 50 ms
        Assert.Equal((1, TimeSpan.FromMilliseconds(1030)), (s.Rtt.Generation, s.Rtt.SmoothedRtt!.Value));
    }

    [Fact]
    public void FreshSample_ResetsTheBackoffOfMessagesStillOutstanding()
    {
        var s = Active();
        SendMany(s, 2, T0);
        s.DueRetransmissions(S(1));     // 1 and 2 at level 1
        s.OnSent(1, S(1));
        s.OnSent(2, S(1));              // due at 3 s
        SendMany(s, 1, S(1));           // message 3
        s.OnAcknowledgement(Ack(3, 3), S(1.1)); // sample 100 ms: RTO 300 ms, backoff reset

        Assert.Equal((0, TimeSpan.FromMilliseconds(300)), (s.Rtt.BackoffLevel, s.Rtt.Rto));
        Assert.Equal([1UL, 2], s.DueRetransmissions(S(3)).Numbers);
        s.OnSent(1, S(3));

        s.OnSent(2, S(3));

        // Level 1 again (600 ms), not level 2 (1200 ms).
        Assert.Equal(S(3.6), s.NextDueTime);
    }

    [Fact]
    public void MaxRetryCount_ExceededFaultsTheSequenceNamingMessageAndAttempts()
    {
        var s = Active(new SourceSequenceSettings { MaxRetryCount = 3 });
        SendMany(s, 2, T0);
        s.OnAcknowledgement(Ack(2, 2), Ms(10));

        foreach (var at in new[] { 1.0, 3, 7 })
        {
            Assert.Equal([1UL], s.DueRetransmissions(S(at)).Numbers);
            s.OnSent(1, S(at));
        }
        var batch = s.DueRetransmissions(S(15));

        Assert.True(batch.IsFailure);
        Assert.Empty(batch.Numbers);
        var failure = batch.Failure!;
        Assert.Equal((SourceFailureKind.RetriesExhausted, (ulong?)1, (int?)4), (failure.Kind, failure.MessageNumber, failure.Attempts));
        Assert.Equal("Message 1 of sequence urn:uuid:source was not acknowledged after 4 transmissions.", failure.Message);
        Assert.Equal((SourceState.Faulted, failure), (s.State, s.Failure));
        Assert.Null(s.NextDueTime);
        Assert.Equal(RetransmissionBatch.None, s.DueRetransmissions(S(100)));
    }

    [Fact]
    public void AcknowledgedMessages_StopTheirTimers()
    {
        var s = Active();
        SendMany(s, 2, T0);

        s.OnAcknowledgement(Ack(1, 2), Ms(100));

        Assert.Null(s.NextDueTime);
        Assert.False(s.OnSent(1, Ms(200)));
    }
}
