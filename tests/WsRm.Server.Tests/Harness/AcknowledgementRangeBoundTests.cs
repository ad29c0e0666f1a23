using System.Net;

namespace WsRm.Server.Tests.Harness;

/// <summary>MaxAcknowledgementRanges: a message that would open one gap too many is refused (503) until the gaps close.</summary>
public sealed class AcknowledgementRangeBoundTests
{
    [Theory, WireMatrix]
    public async Task Message_OpeningOneRangeTooMany_Is503_AndAcceptedOnceAGapCloses(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:MaxAcknowledgementRanges", "2"), ("WsRm:Ordered", "false"));
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        (await session.EchoAsync(1, "one")).AssertOk();
        (await session.EchoAsync(3, "three")).AssertOk();
        var refused = await session.EchoAsync(5, "five");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);

        (await session.EchoAsync(2, "two")).AssertOk();
        (await session.EchoAsync(5, "five")).AssertOk();
        Assert.Equal("1-3,5-5", (await session.AckRequestedAsync()).AckFor(session.Id).RangeText);
    }
}
