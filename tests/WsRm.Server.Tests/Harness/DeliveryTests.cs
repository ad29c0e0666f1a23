using System.Net;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// Delivery guarantees on the wire: exactly once, in order on ordered endpoints, bounded by the transfer window.
/// One-way messages are acknowledged when received, not when delivered (as WCF's destination does): a message that
/// overtook an earlier one is answered at once with the acknowledgement that shows the gap.
/// </summary>
public sealed class DeliveryTests
{
    [Theory, WireMatrix]
    public async Task Post_Retransmitted_IsAckedAgain_ButRunsOnce(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var first = await session.PostAsync(1, "x");
        var second = await session.PostAsync(1, "x");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("1-1", second.AckFor(session.Id).RangeText);
        Assert.Equal(["x"], await session.ReceivedAsync(2, "x"));
    }

    [Theory, WireMatrix]
    public async Task Post_OutOfOrder_IsAcknowledgedAtOnce_WithTheGap_AndDeliveredInOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = await session.PostAsync(3, "order-c");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("3-3", second.AckFor(session.Id).RangeText);
        Assert.Equal(7, second.AckFor(session.Id).BufferRemaining);
        var first = await session.PostAsync(1, "order-a");
        Assert.Equal("1-1,3-3", first.AckFor(session.Id).RangeText);
        // Message 3 waits in the buffer for 2: nothing after the gap has run.
        Assert.Empty(await host.Wire.ReceivedAsync("order-c"));
        var middle = await session.PostAsync(2, "order-b");

        Assert.Equal("1-3", middle.AckFor(session.Id).RangeText);
        Assert.Equal(["order-a", "order-b", "order-c"], await session.ReceivedAsync(4, "order-"));
    }

    [Theory, WireMatrix]
    public async Task Echo_OutOfOrder_RepliesAreNumberedInDeliveryOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = Task.Run(() => session.EchoAsync(2, "b"));
        await session.WaitUntilAckedAsync("2-2");
        Assert.False(second.IsCompleted, "A request waits for its reply, which comes in its turn.");
        var first = await session.EchoOkAsync(1, "a");
        var secondReply = await second.Within();

        secondReply.AssertOk();
        Assert.Equal(1UL, first.Sequence!.MessageNumber);
        Assert.Equal(2UL, secondReply.Sequence!.MessageNumber);
        Assert.Equal("b", secondReply.BodyElement!.Value);
    }

    [Theory, WireMatrix]
    public async Task Post_DuplicateOfABufferedMessage_IsAcknowledged_AndRunsOnce(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = await session.PostAsync(2, "dup-b");
        var secondAgain = await session.PostAsync(2, "dup-b");
        var first = await session.PostAsync(1, "dup-a");

        Assert.Equal("2-2", second.AckFor(session.Id).RangeText);
        Assert.Equal("2-2", secondAgain.AckFor(session.Id).RangeText);
        Assert.Equal("1-2", first.AckFor(session.Id).RangeText);
        Assert.Equal(["dup-a", "dup-b"], await session.ReceivedAsync(3, "dup-"));
    }

    [Theory, WireMatrix]
    public async Task Echo_DuplicateOfAWaitingRequest_GetsTheSameReply_AndRunsOnce(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = Task.Run(() => session.EchoAsync(2, "twice"));
        await session.WaitUntilAckedAsync("2-2");
        var again = Task.Run(() => session.EchoAsync(2, "twice"));
        await session.EchoOkAsync(1, "once");
        var replies = await Task.WhenAll(second, again).Within();

        Assert.All(replies, r => r.AssertOk());
        Assert.All(replies, r => Assert.Equal(2UL, r.Sequence!.MessageNumber));
    }

    [Theory, WireMatrix]
    public async Task Message_BeyondTheTransferWindow_IsAnsweredWith202_NotAcknowledged_AndAcceptedWhenRetransmittedLater(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:MaxTransferWindowSize", "2"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var tooFar = await session.EchoAsync(3, "c");

        // As WCF's own destination answers it: no fault, no transport failure, nothing acknowledged.
        Assert.Equal(HttpStatusCode.Accepted, tooFar.Status);
        Assert.Empty(tooFar.Text);
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "a");
        await session.EchoOkAsync(2, "b");
        var retried = await session.EchoOkAsync(3, "c");
        Assert.Equal("1-3", retried.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix]
    public async Task Post_OutOfOrder_OnAnUnorderedEndpoint_IsDeliveredInArrivalOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:Ordered", "false"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = await session.PostAsync(2, "free-b");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("2-2", second.AckFor(session.Id).RangeText);
        var first = await session.PostAsync(1, "free-a");

        Assert.Equal("1-2", first.AckFor(session.Id).RangeText);
        Assert.Equal(["free-b", "free-a"], await session.ReceivedAsync(3, "free-"));
    }
}
