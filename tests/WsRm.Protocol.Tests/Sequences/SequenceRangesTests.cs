using WsRm.Protocol.ReliableMessaging;
using WsRm.Protocol.Sequences;

namespace WsRm.Protocol.Tests.Sequences;

public class SequenceRangesTests
{
    private static SequenceRanges With(params ulong[] numbers)
    {
        var ranges = new SequenceRanges();
        foreach (var n in numbers) ranges.Add(n);
        return ranges;
    }

    [Fact]
    public void Empty()
    {
        var ranges = new SequenceRanges();

        Assert.Empty(ranges.Ranges);
        Assert.Equal(0UL, ranges.Highest);
        Assert.False(ranges.Contains(1));
        Assert.True(ranges.NeedsNewRange(1));
        Assert.True(ranges.IsExactly(0));
        Assert.False(ranges.IsExactly(1));
        Assert.Empty(ranges.Snapshot());
    }

    [Fact]
    public void Add_ReturnsFalseForADuplicate()
    {
        var ranges = new SequenceRanges();

        Assert.True(ranges.Add(5));
        Assert.False(ranges.Add(5));
        Assert.Equal([new AckRange(5, 5)], ranges.Ranges);
    }

    [Fact]
    public void Add_ExtendsLeftRightAndMergesBoth()
    {
        var ranges = With(1, 2, 3, 7, 8);
        Assert.Equal([new AckRange(1, 3), new AckRange(7, 8)], ranges.Ranges);

        ranges.Add(6); // joins the right range's lower end
        Assert.Equal([new AckRange(1, 3), new AckRange(6, 8)], ranges.Ranges);

        ranges.Add(4); // joins the left range's upper end
        Assert.Equal([new AckRange(1, 4), new AckRange(6, 8)], ranges.Ranges);

        ranges.Add(5); // bridges the two
        Assert.Equal([new AckRange(1, 8)], ranges.Ranges);
        Assert.True(ranges.IsExactly(8));
        Assert.Equal(8UL, ranges.Highest);
    }

    [Fact]
    public void Add_InsertsDisjointRangesInOrder()
    {
        var ranges = With(10, 1, 5);

        Assert.Equal([new AckRange(1, 1), new AckRange(5, 5), new AckRange(10, 10)], ranges.Ranges);
        Assert.Equal(10UL, ranges.Highest);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(ulong.MaxValue, false)]
    public void Contains(ulong number, bool expected)
    {
        Assert.Equal(expected, With(1, 2, 3, 6).Contains(number));
    }

    [Theory]
    [InlineData(2, false)]  // inside [1-3]
    [InlineData(4, false)]  // touches [1-3]
    [InlineData(5, false)]  // touches [6-6]
    [InlineData(7, false)]  // touches [6-6]
    [InlineData(9, true)]   // alone
    public void NeedsNewRange(ulong number, bool expected)
    {
        Assert.Equal(expected, With(1, 2, 3, 6).NeedsNewRange(number));
    }

    [Fact]
    public void NeedsNewRange_BelowTheFirstRange_AdjacentDoesNot()
    {
        var ranges = With(5, 6);

        Assert.False(ranges.NeedsNewRange(4));
        Assert.True(ranges.NeedsNewRange(3));
    }

    [Fact]
    public void NeedsNewRange_NumberInsideRangeEndingAtULongMax_IsFalse()
    {
        var ranges = With(ulong.MaxValue - 1, ulong.MaxValue);

        Assert.True(ranges.Contains(ulong.MaxValue));
        Assert.False(ranges.NeedsNewRange(ulong.MaxValue));
    }

    [Fact]
    public void Add_AtTheTopOfTheNumberSpace_MergesWithoutOverflow()
    {
        var ranges = With(ulong.MaxValue, ulong.MaxValue - 2, ulong.MaxValue - 1);

        Assert.Equal([new AckRange(ulong.MaxValue - 2, ulong.MaxValue)], ranges.Ranges);
        Assert.True(ranges.Contains(ulong.MaxValue));
    }

    [Theory]
    [InlineData(new ulong[] { 1, 2, 3 }, 3, true)]
    [InlineData(new ulong[] { 1, 2, 3 }, 2, false)]
    [InlineData(new ulong[] { 1, 2, 3 }, 4, false)]
    [InlineData(new ulong[] { 2, 3 }, 3, false)]
    [InlineData(new ulong[] { 1, 3 }, 3, false)]
    public void IsExactly_OneToLast(ulong[] numbers, ulong last, bool expected)
    {
        Assert.Equal(expected, With(numbers).IsExactly(last));
    }

    [Fact]
    public void Snapshot_IsACopy()
    {
        var ranges = With(1);
        var snapshot = ranges.Snapshot();

        ranges.Add(2);

        Assert.Equal([new AckRange(1, 1)], snapshot);
        Assert.Equal([new AckRange(1, 2)], ranges.Ranges);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 200)]
    [InlineData(3, 1000)]
    [InlineData(20250101, 64)]
    public void Property_MatchesAHashSetModel(int seed, int span)
    {
        var random = new Random(seed);
        var ranges = new SequenceRanges();
        var model = new HashSet<ulong>();

        for (var step = 0; step < span * 2; step++)
        {
            var n = (ulong)random.Next(1, span + 1);
            var needsNew = ranges.NeedsNewRange(n);
            var expectedNeedsNew = !model.Contains(n) && !model.Contains(n - 1) && !model.Contains(n + 1);
            Assert.Equal(expectedNeedsNew, needsNew);

            Assert.Equal(model.Add(n), ranges.Add(n));

            // The ranges are exactly the model, ascending, disjoint and non-adjacent.
            var expected = ToRanges(model);
            Assert.Equal(expected, ranges.Ranges);
            Assert.Equal(model.Max(), ranges.Highest);
            var probe = (ulong)random.Next(0, span + 2);
            Assert.Equal(model.Contains(probe), ranges.Contains(probe));
            Assert.Equal(model.Count == (int)model.Max() && model.Min() == 1, ranges.IsExactly(model.Max()));
        }
    }

    private static List<AckRange> ToRanges(HashSet<ulong> set)
    {
        var result = new List<AckRange>();
        foreach (var n in set.Order())
        {
            if (result.Count > 0 && result[^1].Upper + 1 == n) result[^1] = result[^1] with { Upper = n };
            else result.Add(new AckRange(n, n));
        }
        return result;
    }
}
