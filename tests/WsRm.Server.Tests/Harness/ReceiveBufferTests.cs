using Microsoft.Extensions.DependencyInjection;
using System.Net;
using WsRm.Server.Tests.Harness.Gated;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// The receive buffer between acknowledgement and delivery, with a service held at a <see cref="DeliveryGate"/>: one-way
/// messages are acknowledged while the service is busy, the buffer is bounded by MaxTransferWindowSize, requests are
/// held for their reply at most ReplyWaitTimeout, and a stopping host answers held requests at once. A message the
/// buffer has no room for, and a request released before its reply, get an empty 202: the source retransmits.
/// </summary>
public sealed class ReceiveBufferTests
{
    [Theory, WireMatrix]
    public async Task OneWay_IsAcknowledged_WhileTheServiceIsStillBusy(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        host.Gate.Close();

        var first = await session.PostAsync(1, "busy-a");
        await host.Gate.Entered.Within();
        var second = await session.PostAsync(2, "busy-b");

        Assert.Equal("1-1", first.AckFor(session.Id).RangeText);
        Assert.Equal("1-2", second.AckFor(session.Id).RangeText);
        // Message 1 is with the service, 2 waits: one place of 8 taken.
        Assert.Equal(7, second.AckFor(session.Id).BufferRemaining);
        host.Gate.Open();
        Assert.Equal(["busy-a", "busy-b"], await session.ReceivedAsync(3, "busy-"));
    }

    [Theory, WireMatrix]
    public async Task OneWay_TakingTheLastPlace_WhileTheServiceIsBusy_IsAnsweredWhenThereIsRoomAgain(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync(o => o.MaxTransferWindowSize = 2);
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap), "/echo-unordered");
        host.Gate.Close();

        // Message 1 is with the service (out of the buffer, as WCF counts it); 2 and 3 fill the buffer of 2.
        Assert.Equal("1-1", (await session.PostAsync(1, "full-a")).AckFor(session.Id).RangeText);
        await host.Gate.Entered.Within();
        Assert.Equal(1, (await session.PostAsync(2, "full-b")).AckFor(session.Id).BufferRemaining);
        var third = Task.Run(() => session.PostAsync(3, "full-c"));
        await session.WaitUntilAckedAsync("1-3");
        Assert.False(third.IsCompleted, "An acknowledgement saying BufferRemaining 0 went out while the buffer was draining.");

        // No place left: the next one is not accepted (202, retransmit later).
        var refused = await session.PostAsync(4, "full-d");
        Assert.Equal(HttpStatusCode.Accepted, refused.Status);
        Assert.Empty(refused.Text);

        host.Gate.Open();
        var answered = await third.Within();
        Assert.Equal("1-3", answered.AckFor(session.Id).RangeText[..3]);
        Assert.True(answered.AckFor(session.Id).BufferRemaining > 0, answered.Text);
        await session.WaitUntilBufferRemainingAsync(2);
        Assert.Equal("1-4", (await session.PostAsync(4, "full-d")).AckFor(session.Id).RangeText);
        Assert.Equal(["full-a", "full-b", "full-c", "full-d"], await session.ReceivedAsync(5, "full-"));
    }

    [Theory, WireMatrix]
    public async Task Request_HeldPastReplyWaitTimeout_Gets202_AndTheRetransmissionGetsTheKeptReply(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync(o => o.ReplyWaitTimeout = TimeSpan.FromSeconds(30));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        host.Gate.Close();

        var held = Task.Run(() => session.EchoAsync(1, "slow"));
        await host.Gate.Entered.Within();
        Assert.False(held.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var released = await held.Within();

        Assert.Equal(HttpStatusCode.Accepted, released.Status);
        Assert.Empty(released.Text);
        Assert.Equal("1-1", (await session.AckRequestedAsync()).AckFor(session.Id).RangeText);
        host.Gate.Open();
        var retransmitted = await session.EchoOkAsync(1, "slow");
        Assert.Equal(1UL, retransmitted.Sequence!.MessageNumber);
    }

    [Theory, WireMatrix]
    public async Task Request_WaitingForAGap_IsReleasedByReplyWaitTimeout(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync(o => o.ReplyWaitTimeout = TimeSpan.FromSeconds(10));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var held = Task.Run(() => session.EchoAsync(2, "after a gap"));
        await session.WaitUntilAckedAsync("2-2");
        host.Time.Advance(TimeSpan.FromSeconds(10));

        var released = await held.Within();
        Assert.Equal(HttpStatusCode.Accepted, released.Status);
        await session.EchoOkAsync(1, "gap filled");
        await session.EchoOkAsync(2, "after a gap");
    }

    [Theory, WireMatrix]
    public async Task Terminate_WhileMessagesWaitInTheBuffer_StillDeliversThem_InOrder(RmSpec rm, SoapSpec soap)
    {
        await using var host = await GatedHost.StartAsync();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        host.Gate.Close();
        for (ulong n = 1; n <= 4; n++) await session.PostAsync(n, $"term-{n}");
        await host.Gate.Entered.Within();

        // Acknowledged, so the source may end the sequence now; the service has run none of them yet.
        (await session.TerminateAsync(lastMsgNumber: 4)).AssertOk();
        FaultAssert.RmHeaderFault(await session.PostAsync(5, "term-5"), wire, "UnknownSequence", session.Id);
        host.Gate.Open();

        var other = await RmSession.CreateAsync(host.Wire, wire);
        await WaitForAsync(() => host.App.Services.GetRequiredService<WsRm.Host.Services.PostedTexts>().StartingWith("term-").Length == 4);
        Assert.Equal(["term-1", "term-2", "term-3", "term-4"], await other.ReceivedAsync(1, "term-"));
    }

    // The delivery loop of a terminated sequence runs with no request to wait on: poll its visible effect, bounded.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bounded.Long;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition never held.");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task StoppingHost_AnswersHeldRequests_AtOnce()
    {
        await using var host = await GatedHost.StartAsync();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(RmSpec.Rm11, SoapSpec.Soap12));
        host.Gate.Close();
        var held = Task.Run(() => session.EchoAsync(2, "held at shutdown"));
        await session.WaitUntilAckedAsync("2-2");

        var stopping = host.App.StopAsync();
        var released = await held.Within();
        await stopping.Within();

        Assert.Equal(HttpStatusCode.Accepted, released.Status);
        Assert.Empty(released.Text);
    }
}
