using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

/// <summary>
/// A seeded simulation: a source and an honest destination over a link that loses and delays (so reorders) messages
/// and acknowledgements, with a random BufferRemaining. Checks the invariants on every step, and that everything is
/// acknowledged once the link stops losing.
/// </summary>
public class SourceSequencePropertyTests
{
    private const int Total = 400;
    private static readonly TimeSpan Inactivity = TimeSpan.FromSeconds(2);

    private sealed record Packet(ulong Number, SequenceAcknowledgement? Ack, bool AckRequest);

    [Theory]
    [InlineData(1, 0.3, 0.3)]
    [InlineData(2, 0.1, 0.5)]
    [InlineData(3, 0.5, 0.1)]
    [InlineData(4, 0.0, 0.0)]
    [InlineData(5, 0.2, 0.2)]
    [InlineData(6, 0.6, 0.6)]
    public void LossyReorderingLink_KeepsTheInvariantsAndAcknowledgesEverything(int seed, double dataLoss, double ackLoss)
    {
        var random = new Random(seed);
        var settings = new SourceSequenceSettings { TransferWindow = 16, MaxRetryCount = 1000, MaxRetransmissionBurst = 4 };
        var s = Active(settings);
        var received = new SequenceRanges();
        var link = new PriorityQueue<Packet, (DateTimeOffset, long)>();
        long order = 0;
        var newlyAcknowledged = new HashSet<ulong>();
        var now = T0;
        int? roomAtAck = null;
        var assignedSinceAck = 0;
        var stale = 0;

        bool Lossy() => s.HighestAssigned < Total;
        void Send(Packet packet, double loss)
        {
            if (Lossy() && random.NextDouble() < loss) return;
            link.Enqueue(packet, (now.AddMilliseconds(random.Next(5, 80)), order++));
        }
        void Answer() => Send(new Packet(0, new SequenceAcknowledgement
        {
            Identifier = Id,
            Ranges = received.Snapshot(),
            BufferRemaining = random.Next(3) == 0 ? null : random.Next(0, 21),
        }, false), ackLoss);

        for (var step = 0; !(s.HighestAssigned == Total && s.IsFullyAcknowledged); step++)
        {
            Assert.True(step < 1_000_000, "the simulation did not converge");
            while (link.TryPeek(out _, out var at) && at.Item1 <= now)
            {
                var packet = link.Dequeue();
                if (packet.Ack is { } ack)
                {
                    var result = s.OnAcknowledgement(ack, now);
                    Assert.NotEqual(AcknowledgementOutcome.Invalid, result.Outcome);
                    if (result.Outcome == AcknowledgementOutcome.Stale) stale++;
                    foreach (var message in result.NewlyAcknowledged)
                    {
                        Assert.True(newlyAcknowledged.Add(message.Number), $"{message.Number} acknowledged twice");
                        Assert.InRange(message.Number, 1UL, s.HighestAssigned);
                        Assert.Equal("m" + message.Number, message.Payload);
                    }
                    Assert.Equal((ulong)newlyAcknowledged.Count, (ulong)s.Acknowledged.Sum(r => (long)(r.Upper - r.Lower + 1)));
                    Assert.Equal(s.HighestAssigned - (ulong)newlyAcknowledged.Count, (ulong)s.UnacknowledgedCount);
                    if (result.Outcome == AcknowledgementOutcome.Applied) (roomAtAck, assignedSinceAck) = (s.DestinationRoom, 0);
                }
                else
                {
                    if (!packet.AckRequest) received.Add(packet.Number);
                    Answer();
                }
            }

            for (var batch = s.DueRetransmissions(now); batch.Numbers.Count > 0; batch = s.DueRetransmissions(now))
            {
                Assert.InRange(batch.Numbers.Count, 1, settings.MaxRetransmissionBurst);
                Assert.Equal(batch.Numbers.Order(), batch.Numbers);
                foreach (var n in batch.Numbers)
                {
                    Assert.True(s.OnSent(n, now));
                    Send(new Packet(n, null, false), dataLoss);
                }
            }
            Assert.False(s.State == SourceState.Faulted, s.Failure?.Message);

            while (s.HighestAssigned < Total && s.TryAssign("m" + (s.HighestAssigned + 1), now) is { IsAssigned: true } assigned)
            {
                assignedSinceAck++;
                if (roomAtAck is { } room) Assert.True(assignedSinceAck <= Math.Max(0, room), "BufferRemaining exceeded");
                Assert.True(s.UnacknowledgedCount <= settings.TransferWindow, "window exceeded");
                Assert.True(s.OnSent(assigned.Number, now));
                Send(new Packet(assigned.Number, null, false), dataLoss);
            }

            if (s.NeedsAckRequested(now, Inactivity))
            {
                s.OnAckRequestedSent(now);
                Send(new Packet(0, null, true), dataLoss);
            }
            Assert.InRange(s.Rtt.Rto, settings.MinRetransmissionTimeout, settings.MaxRetransmissionTimeout);

            var next = new[] { link.TryPeek(out _, out var p) ? p.Item1 : (DateTimeOffset?)null, s.NextDueTime, s.NextAckRequestedTime(Inactivity) }
                .Where(t => t is not null).Min();
            if (s.HighestAssigned == Total && s.IsFullyAcknowledged) break;
            Assert.True(next is not null, "nothing left to wake the source");
            now = next!.Value > now ? next.Value : now;
        }

        Assert.Equal(Total, newlyAcknowledged.Count);
        Assert.Equal([new AckRange(1, Total)], s.Acknowledged);
        Assert.Null(s.NextDueTime);
        // Delays of 5-80 ms reorder acknowledgements: older snapshots arrive late and must be taken as stale, not invalid.
        Assert.True(stale > 0, "the link never reordered acknowledgements");
    }
}
