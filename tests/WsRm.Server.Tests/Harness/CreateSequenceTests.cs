using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>CreateSequence → CreateSequenceResponse on the wire (WS-RM 1.1 §3.4, 1.0 §3.4; README "Expected responses").</summary>
public sealed class CreateSequenceTests
{
    [Theory, WireMatrix]
    public async Task CreateSequence_WithOffer_AcceptsWithAcksToOfThisEndpoint(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId());

        var response = await host.Wire.SendAsync("/echo", request);

        response.AssertOk();
        Assert.Equal(wire.MediaType, response.MediaType);
        Assert.Equal(wire.SoapNs, response.SoapNs);
        Assert.Equal(wire.RmAction("CreateSequenceResponse"), response.Action);
        if (wire.IsSoap12) Assert.Equal(response.Action, response.ContentTypeAction);
        Assert.Equal(request.MessageId, response.RelatesTo);
        var csr = response.BodyElement!;
        Assert.Equal(wire.RmName("CreateSequenceResponse"), csr.Name);
        var id = csr.Element(wire.RmName("Identifier"))?.Value.Trim();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.True(Uri.IsWellFormedUriString(id, UriKind.Absolute), $"Identifier '{id}' is not an absolute URI.");
        var acksTo = csr.Element(wire.RmName("Accept"))?.Element(wire.RmName("AcksTo"))?.Element(XName.Get("Address", wire.WsaNs))?.Value.Trim();
        Assert.Equal(host.Wire.Url("/echo"), acksTo);
        var isb = csr.Element(wire.RmName("IncompleteSequenceBehavior"));
        if (wire.Is11) Assert.Contains(isb?.Value.Trim(), new[] { "NoDiscard", "DiscardFollowingFirstGap", "DiscardEntireSequence" });
        else Assert.Null(isb);
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_WithoutOffer_HasNoAccept(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.CreateSequence(wire, host.Wire.Url("/echo"), offerId: null);

        var response = await host.Wire.SendAsync("/echo", request);

        response.AssertOk();
        Assert.Equal(request.MessageId, response.RelatesTo);
        Assert.NotNull(response.BodyElement!.Element(wire.RmName("Identifier")));
        Assert.Null(response.BodyElement.Element(wire.RmName("Accept")));
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_AcceptAcksTo_IsTheEndpointsOwnAddress_NeverTheRequestsWsaTo(RmSpec rm, SoapSpec soap)
    {
        // Accept/AcksTo says where acknowledgements of the offered sequence go: this endpoint. A wsa:To that is not
        // this endpoint's URL is not echoed back (a reverse proxy's public address comes from UseForwardedHeaders or
        // WsRmServiceOptions.Address: see AcceptAcksToTests).
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        const string publicAddress = "https://public.example.test/services/echo";

        var response = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, publicAddress, Envelope.NewId()));

        response.AssertOk();
        Assert.Equal(host.Wire.Url("/echo"), response.BodyElement!.Element(wire.RmName("Accept"))?.Element(wire.RmName("AcksTo"))?.Value.Trim());
    }

    [Theory]
    [InlineData(SoapSpec.Soap11)]
    [InlineData(SoapSpec.Soap12)]
    public async Task CreateSequence_Rm10WithAddressing2004_AnswersInTheSameAddressingVersion(SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm10, soap, Wsa2004: true);
        var request = Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId());

        var response = await host.Wire.SendAsync("/echo", request);

        response.AssertOk();
        Assert.Equal(Ns.Wsa200408, response.HeaderBlock("Action", Ns.Wsa200408)?.Name.NamespaceName);
        Assert.Equal(request.MessageId, response.RelatesTo);
        Assert.Equal(host.Wire.Url("/echo"),
            response.BodyElement!.Element(wire.RmName("Accept"))?.Element(wire.RmName("AcksTo"))?.Element(XName.Get("Address", Ns.Wsa200408))?.Value.Trim());
    }

    [Fact]
    public async Task CreateSequence_TwoRequests_GetDistinctIdentifiers()
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);

        var first = await RmSession.CreateAsync(host.Wire, wire);
        var second = await RmSession.CreateAsync(host.Wire, wire);

        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task CreateSequence_ReusingAnOfferedIdentifier_IsRefused()
    {
        await using var host = new EchoHost();
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        var offer = Envelope.NewId();
        Assert.Equal(HttpStatusCode.OK, (await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), offer))).Status);

        var again = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), offer));

        FaultAssert.SubcodeFault(again, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction);
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_SentTwice_GetsTheSameSequenceBothTimes(RmSpec rm, SoapSpec soap)
    {
        // The same request duplicated on the way or retransmitted: one sequence, the same answer.
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId());

        var first = await host.Wire.SendAsync("/echo", request);
        var second = await host.Wire.SendAsync("/echo", request);

        first.AssertOk();
        second.AssertOk();
        var id = first.BodyElement!.Element(wire.RmName("Identifier"))?.Value.Trim();
        Assert.Equal(id, second.BodyElement!.Element(wire.RmName("Identifier"))?.Value.Trim());
        Assert.Equal(request.MessageId, second.RelatesTo);
        Assert.NotNull(second.BodyElement.Element(wire.RmName("Accept")));
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_ReusingAnOfferInUse_WithAnotherMessageId_IsRefused(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var offer = Envelope.NewId();
        (await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), offer))).AssertOk();

        var response = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), offer));

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Contains("CreateSequenceRefused", response.Text);
    }
}
