using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;
using WsRm.Protocol.Sources;
using static WsRm.Protocol.Tests.Sources.SourceTestKit;

namespace WsRm.Protocol.Tests.Sources;

public class AcknowledgementCheckTests
{
    private static SequenceRanges Known(params ulong[] numbers)
    {
        var ranges = new SequenceRanges();
        foreach (var n in numbers) ranges.Add(n);
        return ranges;
    }

    private static AcknowledgementVerdict Classify(SequenceAcknowledgement ack, SequenceRanges known, ulong highest = 10) =>
        AcknowledgementCheck.Classify(ack, highest, known, out _, out _);

    [Fact]
    public void Superset_IsCurrentAndAdjacentRangesAreMerged()
    {
        var verdict = AcknowledgementCheck.Classify(Ack(new AckRange(1, 2), new AckRange(3, 5), new AckRange(7, 7)), 10, Known(1, 2, 3),
            out var ranges, out var problem);

        Assert.Equal(AcknowledgementVerdict.Current, verdict);
        Assert.Null(problem);
        Assert.Equal([new AckRange(1, 5), new AckRange(7, 7)], ranges);
    }

    [Fact]
    public void EqualSet_IsCurrent() => Assert.Equal(AcknowledgementVerdict.Current, Classify(Ack(1, 3), Known(1, 2, 3)));

    [Fact]
    public void StrictSubset_IsStale()
    {
        Assert.Equal(AcknowledgementVerdict.Stale, Classify(Ack(2, 3), Known(1, 2, 3, 4)));
        Assert.Equal(AcknowledgementVerdict.Stale, Classify(new SequenceAcknowledgement { Identifier = Id }, Known(1))); // 1.0's 0-0
    }

    [Fact]
    public void NeitherSubsetNorSuperset_IsARetraction()
    {
        var verdict = AcknowledgementCheck.Classify(Ack(new AckRange(1, 1), new AckRange(3, 3)), 10, Known(1, 2), out _, out var problem);

        Assert.Equal(AcknowledgementVerdict.Invalid, verdict);
        Assert.Contains("no longer acknowledges", problem);
    }

    [Fact]
    public void NumbersSettledBeforeAResume_AreLeftOutOfTheStalenessCheck()
    {
        // Resumed after 20, 15 restored; known: 15, 21, 23 (acknowledged since). 1-20 except 15 say nothing either way.
        var known = Known(15, 21, 23);
        var restored = Known(15);
        AcknowledgementVerdict Check(params AckRange[] ranges) =>
            AcknowledgementCheck.Classify(Ack(ranges), 30, known, out _, out _, untrackedUpTo: 20, restored: restored);

        Assert.Equal(AcknowledgementVerdict.Stale, Check(new AckRange(1, 20)));
        Assert.Equal(AcknowledgementVerdict.Stale, Check(new AckRange(1, 14), new AckRange(16, 21)));
        Assert.Equal(AcknowledgementVerdict.Current, Check(new AckRange(1, 21), new AckRange(23, 23)));
        Assert.Equal(AcknowledgementVerdict.Invalid, Check(new AckRange(1, 20), new AckRange(24, 24)));
        Assert.Equal(AcknowledgementVerdict.Invalid, Check(new AckRange(1, 14), new AckRange(16, 23)));
    }

    [Fact]
    public void Nacks_AreCurrentUnlessTheyNameAnAcknowledgedNumber()
    {
        Assert.Equal(AcknowledgementVerdict.Current, Classify(new SequenceAcknowledgement { Identifier = Id, Nacks = [3, 5] }, Known(1, 2, 4)));
        Assert.Equal(AcknowledgementVerdict.Stale, Classify(new SequenceAcknowledgement { Identifier = Id, Nacks = [4] }, Known(1, 2, 4)));
    }

    [Theory]
    [InlineData("range past highest")]
    [InlineData("zero lower")]
    [InlineData("reversed")]
    [InlineData("overlap")]
    [InlineData("descending")]
    [InlineData("ranges and nack")]
    [InlineData("ranges and none")]
    [InlineData("nack and none")]
    [InlineData("nack zero")]
    [InlineData("nack past highest")]
    public void Malformed_IsInvalidWithAReason(string kind)
    {
        var ack = kind switch
        {
            "range past highest" => Ack(1, 11),
            "zero lower" => Ack(0, 3),
            "reversed" => Ack(3, 1),
            "overlap" => Ack(new AckRange(1, 4), new AckRange(4, 6)),
            "descending" => Ack(new AckRange(5, 6), new AckRange(1, 2)),
            "ranges and nack" => Ack(1, 2) with { Nacks = [3] },
            "ranges and none" => Ack(1, 2) with { None = true },
            "nack and none" => new SequenceAcknowledgement { Identifier = Id, Nacks = [3], None = true },
            "nack zero" => new SequenceAcknowledgement { Identifier = Id, Nacks = [0] },
            _ => new SequenceAcknowledgement { Identifier = Id, Nacks = [11] },
        };

        var verdict = AcknowledgementCheck.Classify(ack, 10, Known(), out var ranges, out var problem);

        Assert.Equal(AcknowledgementVerdict.Invalid, verdict);
        Assert.False(string.IsNullOrEmpty(problem));
        Assert.Empty(ranges);
    }

    [Fact]
    public void IsExactly_MeansOneRangeFromOneToLast()
    {
        Assert.True(AcknowledgementCheck.IsExactly([new AckRange(1, 4)], 4));
        Assert.True(AcknowledgementCheck.IsExactly([], 0));
        Assert.False(AcknowledgementCheck.IsExactly([new AckRange(1, 3)], 4));
        Assert.False(AcknowledgementCheck.IsExactly([new AckRange(1, 1), new AckRange(3, 4)], 4));
        Assert.False(AcknowledgementCheck.IsExactly([new AckRange(1, 1)], 0));
    }
}
