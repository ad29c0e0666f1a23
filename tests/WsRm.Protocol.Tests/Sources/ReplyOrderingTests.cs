using WsRm.Protocol.Sources;

namespace WsRm.Protocol.Tests.Sources;

public sealed class ReplyOrderingTests
{
    [Fact]
    public void Ordered_a_reply_that_overtook_waits_for_the_earlier_ones()
    {
        var order = new ReplyOrdering<string>(ordered: true);
        Assert.Empty(order.Accept(3, "c"));
        Assert.Empty(order.Accept(2, "b"));
        Assert.Equal(2, order.Held);
        Assert.Equal(["a", "b", "c"], order.Accept(1, "a"));
        Assert.Equal(["d"], order.Accept(4, "d"));
        Assert.Equal(0, order.Held);
    }

    [Fact]
    public void Ordered_a_number_already_handed_over_or_held_is_ignored()
    {
        var order = new ReplyOrdering<string>(ordered: true);
        Assert.Equal(["a"], order.Accept(1, "a"));
        Assert.Empty(order.Accept(1, "again"));
        Assert.Empty(order.Accept(3, "c"));
        Assert.Empty(order.Accept(3, "c again"));
        Assert.Equal(["b", "c"], order.Accept(2, "b"));
    }

    [Fact]
    public void Unordered_every_reply_passes_straight_through()
    {
        var order = new ReplyOrdering<string>(ordered: false);
        Assert.Equal(["c"], order.Accept(3, "c"));
        Assert.Equal(["a"], order.Accept(1, "a"));
        Assert.Equal(0, order.Held);
    }

    [Fact]
    public void TakeAll_empties_the_buffer_for_a_session_that_ended()
    {
        var order = new ReplyOrdering<string>(ordered: true);
        order.Accept(2, "b");
        order.Accept(5, "e");
        Assert.Equal(["b", "e"], order.TakeAll().Order());
        Assert.Equal(0, order.Held);
    }
}
