using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Tests.Sequences;

/// <summary>DestinationSequence.Capture/Restore and the stored text form of ranges: a sequence rebuilt after a restart goes on as before.</summary>
public class DestinationSequenceRestoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DestinationSequenceLimits Limits = new(Window: 8);

    private static DestinationSequence Restore(string received, ulong[] buffered, bool ordered = true) =>
        DestinationSequence.Restore("urn:r", RmVersion.Rm11, ordered, Limits,
            new DestinationSnapshot(SequenceRanges.Parse(received), buffered, null, false, DestinationState.Active, T0));

    [Theory]
    [InlineData("", "")]
    [InlineData("1-1", "1-1")]
    [InlineData("1-5,7-7,9-12", "1-5,7-7,9-12")]
    public void Ranges_round_trip_through_their_text(string text, string expected) =>
        Assert.Equal(expected, SequenceRanges.Format(SequenceRanges.Parse(text)));

    [Theory]
    [InlineData("0-3")]
    [InlineData("3-1")]
    [InlineData("1-3,2-5")]
    [InlineData("1-3,4-5")]
    [InlineData("5-6,1-2")]
    [InlineData("1-")]
    [InlineData("x")]
    public void Anything_else_is_refused(string text) => Assert.Throws<FormatException>(() => SequenceRanges.Parse(text));

    [Fact]
    public void Restored_it_goes_on_where_it_stood()
    {
        var live = new DestinationSequence("urn:r", RmVersion.Rm11, true, Limits, T0);
        foreach (var n in new ulong[] { 1, 2, 3, 5 }) live.Receive(n, false, T0);
        live.Delivered(1);
        live.Delivered(2);
        live.Close(9, T0);

        var restored = DestinationSequence.Restore("urn:r", RmVersion.Rm11, true, Limits, live.Capture([3, 5]));

        Assert.Equal("1-3,5-5", SequenceRanges.Format(restored.Received.Ranges));
        Assert.Equal((3UL, 6, DestinationState.Closed, (ulong?)9, true), (restored.NextToDeliver, restored.BufferRemaining, restored.State, restored.LastMessageNumber, restored.LastNamedBySource));
        Assert.Equal(ReceiveOutcome.Duplicate, restored.Receive(2, false, T0).Outcome);
        Assert.True(restored.IsDeliverable(3));
        Assert.Equal(4UL, restored.Delivered(3) is null ? restored.NextToDeliver : 0);
    }

    [Theory]
    [InlineData("1-4", new ulong[0], 5UL)]
    [InlineData("1-4", new ulong[] { 3, 4 }, 3UL)]
    [InlineData("2-4", new ulong[] { 2, 3 }, 1UL)]
    [InlineData("1-2,4-6", new ulong[] { 4 }, 3UL)]
    [InlineData("", new ulong[0], 1UL)]
    public void The_next_to_deliver_is_the_lowest_number_not_delivered(string received, ulong[] buffered, ulong next) =>
        Assert.Equal(next, Restore(received, buffered).NextToDeliver);

    [Fact]
    public void A_large_range_restores_without_walking_it()
    {
        var restored = Restore("1-9000000000000", []);
        Assert.Equal(9_000_000_000_001UL, restored.NextToDeliver);
        Assert.Equal(ReceiveOutcome.Duplicate, restored.Receive(8_000_000_000_000, false, T0).Outcome);
    }
}
