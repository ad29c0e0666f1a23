using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>CreateSequence refused: CreateSequenceRefused (with WCF's ConnectionLimitReached when busy) and missing addressing headers.</summary>
public sealed class CreateSequenceFaultTests
{
    [Theory, WireMatrix]
    public async Task CreateSequence_WithNonAnonymousAcksTo_IsCreateSequenceRefused(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId(), acksTo: "http://client.example.test/acks");

        var response = await host.Wire.SendAsync("/echo", request);

        FaultAssert.SubcodeFault(response, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction);
        Assert.Equal(request.MessageId, response.RelatesTo);
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_PastMaxPendingChannels_IsRefusedUntilOneEnds(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost(("WsRm:MaxPendingChannels", "2"));
        var wire = new Wire(rm, soap);
        var first = await RmSession.CreateAsync(host.Wire, wire);
        await RmSession.CreateAsync(host.Wire, wire);

        var refused = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId()));

        var fault = FaultAssert.SubcodeFault(refused, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction, receiver: true);
        if (wire.IsSoap12) Assert.Equal(XName.Get("ConnectionLimitReached", Ns.NetRm), fault.Subcodes.ElementAtOrDefault(1));
        var ended = await first.TerminateAsync();
        Assert.True(ended.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, ended.ToString());
        await RmSession.CreateAsync(host.Wire, wire);
    }

    [Fact]
    public async Task CreateSequence_PastMaxSequencesPerClient_IsRefused()
    {
        await using var host = new EchoHost(("WsRm:MaxSequencesPerClient", "1"));
        var wire = new Wire(RmSpec.Rm11, SoapSpec.Soap12);
        await RmSession.CreateAsync(host.Wire, wire);

        var refused = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId()));

        FaultAssert.SubcodeFault(refused, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction, receiver: true);
    }

    [Theory, WireMatrix]
    public async Task CreateSequence_WithoutMessageId_IsMessageAddressingHeaderRequired(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);

        var response = await host.Wire.SendAsync("/echo", Messages.CreateSequence(wire, host.Wire.Url("/echo"), Envelope.NewId(), messageId: false));

        var fault = FaultAssert.SubcodeFault(response, wire, XName.Get("MessageAddressingHeaderRequired", wire.WsaNs), wire.AddressingFaultAction);
        var problem = fault.Detail?.Element(XName.Get("ProblemHeaderQName", wire.WsaNs));
        Assert.NotNull(problem);
        Assert.Equal(XName.Get("MessageID", wire.WsaNs), FaultView.QName(problem));
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task CreateSequence_Rm11OfferWithoutEndpoint_IsCreateSequenceRefused(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var request = new Envelope(wire).WithAction(wire.RmAction("CreateSequence")).WithMessageId().WithReplyToAnonymous()
            .WithTo(host.Wire.Url("/echo"))
            .WithBody($"<r:CreateSequence><r:AcksTo><a:Address>{wire.Anonymous}</a:Address></r:AcksTo><r:Offer><r:Identifier>{Envelope.NewId()}</r:Identifier></r:Offer></r:CreateSequence>");

        var response = await host.Wire.SendAsync("/echo", request);

        FaultAssert.SubcodeFault(response, wire, wire.RmName("CreateSequenceRefused"), wire.FaultAction);
    }
}
