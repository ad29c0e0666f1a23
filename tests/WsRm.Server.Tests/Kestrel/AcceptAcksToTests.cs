using System.Xml.Linq;
using WsRm.Server.Tests.Harness;

namespace WsRm.Server.Tests.Kestrel;

/// <summary>On real Kestrel, Accept/AcksTo is the URL the request came to as Kestrel sees it, not the request's wsa:To.</summary>
public sealed class AcceptAcksToTests
{
    [Theory, WireMatrix]
    public async Task AcksTo_is_the_URL_the_CreateSequence_came_to(RmSpec rm, SoapSpec soap)
    {
        await using var app = await LoopbackApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var wire = new Wire(rm, soap);

        var response = await new WireClient(http).SendAsync("/echo", Messages.CreateSequence(wire, "http://elsewhere.example/echo", Envelope.NewId()));

        response.AssertOk();
        var acksTo = response.BodyElement!.Element(wire.RmName("Accept"))?.Element(wire.RmName("AcksTo"))?.Element(XName.Get("Address", wire.WsaNs))?.Value.Trim();
        Assert.Equal($"http://127.0.0.1:{app.BaseAddress.Port}/echo", acksTo);
    }
}
