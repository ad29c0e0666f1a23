using System.Net;

namespace WsRm.Server.Tests.Harness;

/// <summary>
/// MaxAcknowledgementRanges: a message that would open one gap too many is not accepted (an empty HTTP 202, as for a
/// full window) until the gaps close; the source retransmits it.
/// </summary>
public sealed class AcknowledgementRangeBoundTests
{
    [Theory, WireMatrix]
    public async Task Message_OpeningOneRangeTooMany_IsNotAccepted_AndAcceptedOnceAGapCloses(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:MaxAcknowledgementRanges", "2"), ("WsRm:Ordered", "false"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        (await session.EchoAsync(1, "one")).AssertOk();
        (await session.EchoAsync(3, "three")).AssertOk();
        var refused = await session.EchoAsync(5, "five");
        Assert.Equal(HttpStatusCode.Accepted, refused.Status);
        Assert.Equal("1-1,3-3", (await session.AckRequestedAsync()).AckFor(session.Id).RangeText);

        (await session.EchoAsync(2, "two")).AssertOk();
        (await session.EchoAsync(5, "five")).AssertOk();
        Assert.Equal("1-3,5-5", (await session.AckRequestedAsync()).AckFor(session.Id).RangeText);
    }
}
