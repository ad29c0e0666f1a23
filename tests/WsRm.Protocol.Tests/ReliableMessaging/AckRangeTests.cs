using WsRm.Protocol.ReliableMessaging;

namespace WsRm.Protocol.Tests.ReliableMessaging;

public class AckRangeTests
{
    [Theory]
    [InlineData(3, 5, 2, false)]
    [InlineData(3, 5, 3, true)]
    [InlineData(3, 5, 5, true)]
    [InlineData(3, 5, 6, false)]
    [InlineData(7, 7, 7, true)]
    public void Contains_IsInclusiveAtBothEnds(ulong lower, ulong upper, ulong number, bool expected)
    {
        Assert.Equal(expected, new AckRange(lower, upper).Contains(number));
    }

    [Fact]
    public void ToString_SingleOrSpan()
    {
        Assert.Equal("4", new AckRange(4, 4).ToString());
        Assert.Equal("1-30", new AckRange(1, 30).ToString());
    }
}
