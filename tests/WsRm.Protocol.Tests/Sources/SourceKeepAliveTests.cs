using Microsoft.Extensions.Time.Testing;
using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class SourceKeepAliveTests
{
    private static readonly TimeSpan Inactivity = TimeSpan.FromMinutes(10);

    [Fact]
    public void IdleSequence_AsksForAnAcknowledgementAtHalfTheInactivityTimeout()
    {
        var time = new FakeTimeProvider(T0);
        var s = Active();

        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.False(s.NeedsAckRequested(time.GetUtcNow(), Inactivity));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(s.NeedsAckRequested(time.GetUtcNow(), Inactivity));
        Assert.Equal(T0.AddMinutes(5), s.NextAckRequestedTime(Inactivity));
    }

    [Fact]
    public void AfterAnAckRequested_TheNextIsHalfATimeoutLater()
    {
        var s = Active();

        s.OnAckRequestedSent(T0.AddMinutes(5));

        Assert.False(s.NeedsAckRequested(T0.AddMinutes(9), Inactivity));
        Assert.Equal(T0.AddMinutes(10), s.NextAckRequestedTime(Inactivity));
    }

    [Fact]
    public void AnythingReceived_PostponesKeepAliveAndInactivity()
    {
        var s = Active();
        SendMany(s, 1, T0);

        s.OnAcknowledgement(Ack(1, 1), T0.AddMinutes(7));
        s.Touch(T0.AddMinutes(6)); // an older response processed late does not move time back

        Assert.Equal(T0.AddMinutes(7), s.LastReceivedAt);
        Assert.Equal(T0.AddMinutes(12), s.NextAckRequestedTime(Inactivity));
        Assert.False(s.IsInactive(T0.AddMinutes(17).AddTicks(-1), Inactivity));
        Assert.True(s.IsInactive(T0.AddMinutes(17), Inactivity));
    }

    [Fact]
    public void IsInactive_CountsFromCreation()
    {
        var s = Active();

        Assert.False(s.IsInactive(T0.AddMinutes(9), Inactivity));
        Assert.True(s.IsInactive(T0.AddMinutes(10), Inactivity));
    }

    [Fact]
    public void InfiniteTimeout_MeansNoKeepAliveAndNoInactivity()
    {
        var s = Active();

        Assert.Null(s.NextAckRequestedTime(Timeout.InfiniteTimeSpan));
        Assert.False(s.NeedsAckRequested(DateTimeOffset.MaxValue, Timeout.InfiniteTimeSpan));
        Assert.False(s.IsInactive(DateTimeOffset.MaxValue, TimeSpan.Zero));
    }

    [Fact]
    public void HugeTimeout_Saturates()
    {
        Assert.Equal(DateTimeOffset.MaxValue, Active().NextAckRequestedTime(TimeSpan.MaxValue));
    }

    [Fact]
    public void FullDestinationBuffer_IsProbedAfterOneRetransmissionTimeout()
    {
        var s = Active();
        SendMany(s, 1, T0);

        s.OnAcknowledgement(Ack(1, 1) with { BufferRemaining = 0 }, Ms(100)); // sample 100 ms: RTO 300 ms

        Assert.Equal(Ms(400), s.NextAckRequestedTime(Inactivity));
        Assert.True(s.NeedsAckRequested(Ms(400), Inactivity));
        s.OnAckRequestedSent(Ms(400));
        Assert.Equal(Ms(700), s.NextAckRequestedTime(Inactivity));

        s.OnAcknowledgement(Ack(1, 1) with { BufferRemaining = 5 }, Ms(500));
        Assert.Equal(T0.AddMinutes(5).AddMilliseconds(500), s.NextAckRequestedTime(Inactivity));
    }

    [Fact]
    public void OnlySendingStatesNeedKeepAlive()
    {
        var creating = new SourceSequence(RmVersion.Rm11, new SourceSequenceSettings(), T0);
        var closing = Active();
        closing.BeginClose();
        var terminated = Active();
        terminated.Terminate();

        var late = T0.AddHours(1);
        Assert.False(creating.NeedsAckRequested(late, Inactivity));
        Assert.True(closing.NeedsAckRequested(late, Inactivity));
        Assert.False(terminated.NeedsAckRequested(late, Inactivity));
    }
}
