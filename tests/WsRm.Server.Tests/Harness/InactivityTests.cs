using System.Net;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// InactivityTimeout driven by the FakeTimeProvider: the server sweeps every InactivityTimeout/4 (clamped to 1 s–1 min),
/// so advancing past InactivityTimeout plus one period must drop an idle sequence.
/// </summary>
public sealed class InactivityTests
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    [Theory, WireMatrix]
    public async Task IdleSequence_IsDropped_ThenMessagesGetUnknownSequence(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "before");

        host.Time.Advance(DefaultTimeout + SweepPeriod);

        FaultAssert.RmHeaderFault(await session.EchoAsync(2, "after"), wire, "UnknownSequence", session.Id);
    }

    [Theory, WireMatrix]
    public async Task ActiveSequence_IsKept(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        for (ulong n = 1; n <= 3; n++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(6));
            await session.EchoOkAsync(n, $"tick {n}");
        }
        host.Time.Advance(TimeSpan.FromMinutes(6));
        (await session.AckRequestedAsync()).AssertOk();
        host.Time.Advance(TimeSpan.FromMinutes(6));

        await session.EchoOkAsync(4, "still here");
    }

    [Fact]
    public async Task ConfiguredTimeout_IsUsed()
    {
        await using var host = new EchoHost(("WsRm:InactivityTimeout", "00:00:20"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var session = await RmSession.CreateAsync(host.Wire, wire);

        host.Time.Advance(TimeSpan.FromSeconds(15));
        await session.EchoOkAsync(1, "within");
        host.Time.Advance(TimeSpan.FromSeconds(20 + 5));

        FaultAssert.RmHeaderFault(await session.EchoAsync(2, "late"), wire, "UnknownSequence", session.Id);
    }

    [Fact]
    public async Task DroppedSequence_FreesItsMaxPendingChannelsSlot()
    {
        await using var host = new EchoHost(("WsRm:MaxPendingChannels", "1"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await RmSession.CreateAsync(host.Wire, wire);
        var refused = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId()));
        Assert.Equal(HttpStatusCode.InternalServerError, refused.Status);

        host.Time.Advance(DefaultTimeout + SweepPeriod);

        var fresh = await RmSession.CreateAsync(host.Wire, wire);
        await fresh.EchoOkAsync(1, "new slot");
    }

    [Theory, WireMatrix]
    public async Task Expiry_StillDeliversWhatWasAcknowledged_PastTheGap(RmSpec rm, SoapSpec soap)
    {
        // Held longer than the sequence may stay idle, so that expiry, not ReplyWaitTimeout, releases it.
        await using var host = new EchoHost(("WsRm:ReplyWaitTimeout", "01:00:00"));
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.PostAsync(2, "expired-b");
        var waiting = Task.Run(() => session.EchoAsync(3, "stuck behind a gap"));
        await session.WaitUntilAckedAsync("2-3");

        host.Time.Advance(DefaultTimeout + SweepPeriod);
        var released = await waiting.Within();

        // The source is gone, but what it was told arrived is not lost: delivered in order, past the missing 1.
        Assert.Equal("stuck behind a gap", released.BodyElement?.Value);
        Assert.Equal(["expired-b"], await host.Wire.ReceivedAsync("expired-"));
        FaultAssert.RmHeaderFault(await session.PostAsync(1, "too late"), wire, "UnknownSequence", session.Id);
    }
}
