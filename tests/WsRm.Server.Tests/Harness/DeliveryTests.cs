using System.Net;

namespace WsRm.Server.Tests.Harness;

/// <summary>Delivery guarantees on the wire: exactly once, in order on ordered endpoints, bounded by the transfer window.</summary>
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
        Assert.Equal(["x"], await host.Wire.ReceivedAsync("x"));
    }

    [Theory, WireMatrix]
    public async Task Post_OutOfOrder_IsDeliveredInOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = Task.Run(() => session.PostAsync(2, "order-b"));
        await session.WaitUntilAckedAsync("2-2");
        Assert.False(second.IsCompleted, "Message 2 was answered before message 1 arrived on an ordered endpoint.");
        var first = await session.PostAsync(1, "order-a");
        var secondResponse = await second.Within();

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, secondResponse.Status);
        Assert.Equal("1-2", secondResponse.AckFor(session.Id).RangeText);
        Assert.Equal(["order-a", "order-b"], await host.Wire.ReceivedAsync("order-"));
    }

    [Theory, WireMatrix]
    public async Task Echo_OutOfOrder_RepliesAreNumberedInDeliveryOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = Task.Run(() => session.EchoAsync(2, "b"));
        await session.WaitUntilAckedAsync("2-2");
        var first = await session.EchoOkAsync(1, "a");
        var secondReply = await second.Within();

        secondReply.AssertOk();
        Assert.Equal(1UL, first.Sequence!.MessageNumber);
        Assert.Equal(2UL, secondReply.Sequence!.MessageNumber);
        Assert.Equal("b", secondReply.BodyElement!.Value);
    }

    [Theory, WireMatrix]
    public async Task Post_DuplicateOfAWaitingMessage_RunsOnce(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = Task.Run(() => session.PostAsync(2, "dup-b"));
        await session.WaitUntilAckedAsync("2-2");
        // The copy must reach the server while the original still waits for message 1: wait for the server to count it.
        using var duplicate = new ServerCounter(host, "wsrm.messages.duplicate");
        var secondAgain = Task.Run(() => session.PostAsync(2, "dup-b"));
        await duplicate.Added.Within();
        var first = await session.PostAsync(1, "dup-a");
        var answers = await Task.WhenAll(second, secondAgain).Within();

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(["dup-a", "dup-b"], await host.Wire.ReceivedAsync("dup-"));
    }

    [Theory, WireMatrix]
    public async Task Message_BeyondTheTransferWindow_Is503WithRetryAfter_AndCanBeRetransmittedLater(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:MaxTransferWindowSize", "2"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var tooFar = await session.EchoAsync(3, "c");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooFar.Status);
        Assert.Empty((await session.AckRequestedAsync()).AckFor(session.Id).Ranges);
        await session.EchoOkAsync(1, "a");
        await session.EchoOkAsync(2, "b");
        var retried = await session.EchoOkAsync(3, "c");
        Assert.Equal("1-3", retried.AckFor(session.Id).RangeText);
    }

    [Theory, WireMatrix]
    public async Task Post_OutOfOrder_OnAnUnorderedEndpoint_IsDeliveredAtOnce(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:Ordered", "false"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var second = await session.PostAsync(2, "free-b");
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("2-2", second.AckFor(session.Id).RangeText);
        var first = await session.PostAsync(1, "free-a");

        Assert.Equal("1-2", first.AckFor(session.Id).RangeText);
        Assert.Equal(["free-b", "free-a"], await host.Wire.ReceivedAsync("free-"));
    }
}
