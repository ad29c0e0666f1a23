using WsRm.Protocol.Sources;

namespace WsRm.Protocol.Tests.Sources;

public class RttEstimatorTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private static RttEstimator Create(SourceSequenceSettings? settings = null) => new(settings ?? new SourceSequenceSettings());

    [Fact]
    public void New_UsesTheInitialTimeout()
    {
        var rtt = Create(new SourceSequenceSettings { InitialRetransmissionTimeout = Ms(750) });

        Assert.Equal((Ms(750), (TimeSpan?)null, TimeSpan.Zero, 0, 0), (rtt.Rto, rtt.SmoothedRtt, rtt.RttVariation, rtt.BackoffLevel, rtt.Generation));
        Assert.Equal(Ms(750), rtt.CurrentTimeout);
    }

    [Fact]
    public void FirstSample_SetsSrttAndHalfVariation_Rfc6298Section2_2()
    {
        var rtt = Create();

        rtt.AddSample(Ms(100));

        // SRTT = R = 100, RTTVAR = R/2 = 50, RTO = 100 + max(1, 4·50) = 300.
        Assert.Equal((Ms(100), Ms(50), Ms(300), 1), (rtt.SmoothedRtt, rtt.RttVariation, rtt.Rto, rtt.Generation));
    }

    [Fact]
    public void LaterSamples_SmoothWithAlphaAndBeta_Rfc6298Section2_3()
    {
        var rtt = Create();
        rtt.AddSample(Ms(100));

        rtt.AddSample(Ms(200));
        // RTTVAR = 3/4·50 + 1/4·|100-200| = 62.5; SRTT = 7/8·100 + 1/8·200 = 112.5; RTO = 112.5 + 4·62.5 = 362.5.
        Assert.Equal((Ms(112.5), Ms(62.5), Ms(362.5)), (rtt.SmoothedRtt!.Value, rtt.RttVariation, rtt.Rto));

        rtt.AddSample(Ms(100));
        // RTTVAR = 3/4·62.5 + 1/4·|112.5-100| = 50; SRTT = 7/8·112.5 + 1/8·100 = 110.9375; RTO = 110.9375 + 200 = 310.9375.
        Assert.Equal((Ms(110.9375), Ms(50), Ms(310.9375)), (rtt.SmoothedRtt!.Value, rtt.RttVariation, rtt.Rto));
    }

    [Fact]
    public void SteadySamples_LeaveTheClockGranularityAsTheMargin()
    {
        var rtt = Create(new SourceSequenceSettings { MinRetransmissionTimeout = Ms(1), ClockGranularity = Ms(2) });

        for (var i = 0; i < 100; i++) rtt.AddSample(Ms(10));

        // RTTVAR decays to 0, so RTO = SRTT + max(G, 0) = 10 + 2.
        Assert.Equal((Ms(10), TimeSpan.Zero, Ms(12)), (rtt.SmoothedRtt!.Value, rtt.RttVariation, rtt.Rto));
    }

    [Fact]
    public void Rto_IsClampedToTheMinimum()
    {
        var rtt = Create();

        rtt.AddSample(Ms(1)); // 1 + max(1, 2) = 3 ms

        Assert.Equal(Ms(50), rtt.Rto);
    }

    [Fact]
    public void Rto_IsClampedToTheMaximum()
    {
        var rtt = Create();

        rtt.AddSample(TimeSpan.FromSeconds(40)); // 40 + 4·20 = 120 s

        Assert.Equal(TimeSpan.FromSeconds(60), rtt.Rto);
    }

    [Fact]
    public void HugeOrNegativeSamples_DoNotOverflowOrCount()
    {
        var rtt = Create();

        rtt.AddSample(TimeSpan.FromTicks(-1));
        Assert.Equal((0, (TimeSpan?)null), (rtt.Generation, rtt.SmoothedRtt));

        rtt.AddSample(TimeSpan.MaxValue);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)), (rtt.SmoothedRtt!.Value, rtt.Rto));
    }

    [Fact]
    public void TimeoutFor_DoublesPerLevelUpToTheCap_Rfc6298Section5_5()
    {
        var rtt = Create();
        rtt.AddSample(Ms(100)); // RTO 300 ms

        Assert.Equal(
            [Ms(300), Ms(600), Ms(1200), Ms(2400), Ms(4800), Ms(9600), Ms(19200), Ms(38400), Ms(60000), Ms(60000)],
            Enumerable.Range(0, 10).Select(rtt.TimeoutFor));
        Assert.Equal(Ms(60000), rtt.TimeoutFor(int.MaxValue));
    }

    [Fact]
    public void Backoff_AppliesToNewMessagesUntilAFreshSample_Karn()
    {
        var rtt = Create();
        rtt.AddSample(Ms(100));

        rtt.NoteBackoff(2);
        rtt.NoteBackoff(1);
        Assert.Equal((2, Ms(1200)), (rtt.BackoffLevel, rtt.CurrentTimeout));

        rtt.AddSample(Ms(100));
        Assert.Equal((0, 2), (rtt.BackoffLevel, rtt.Generation));
        Assert.Equal(rtt.Rto, rtt.CurrentTimeout);
    }
}
