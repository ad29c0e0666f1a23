using System.Net;
using System.Xml.Linq;

namespace WsRm.Server.Tests.Harness;

/// <summary>Standalone acknowledgements both ways: AckRequested answered with SequenceAcknowledgement, and the client's acks of the reply sequence.</summary>
public sealed class AcknowledgementTests
{
    [Theory, WireMatrix]
    public async Task AckRequested_AfterTwoMessages_AcksBoth(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var wire = new Wire(rm, soap);
        var session = await RmSession.CreateAsync(host.Wire, wire);
        await session.EchoOkAsync(1, "a");
        await session.PostAsync(2, "b");

        var response = await session.AckRequestedAsync();

        response.AssertOk();
        Assert.Equal(wire.RmAction("SequenceAcknowledgement"), response.Action);
        var ack = response.AckFor(session.Id);
        Assert.Equal("1-2", ack.RangeText);
        Assert.False(ack.None);
    }

    [Theory, WireMatrix(RmSpec.Rm11)]
    public async Task AckRequested_Rm11_NothingReceived_AcksNone(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var response = await session.AckRequestedAsync();

        response.AssertOk();
        var ack = response.AckFor(session.Id);
        Assert.True(ack.None, response.Text);
        Assert.Empty(ack.Ranges);
        Assert.Empty(ack.Nacks);
    }

    [Theory]
    [WireMatrix(RmSpec.Rm10)]
    public async Task AckRequested_Rm10_NothingReceived_IsSchemaValid(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));

        var response = await session.AckRequestedAsync();

        response.AssertOk();
        var ack = response.AckFor(session.Id);
        Assert.Null(ack.Element.Element(XName.Get("None", Ns.Rm10)));
        // The 1.0 schema needs an AcknowledgementRange or a Nack: nothing received is WCF's range 0-0.
        var range = Assert.Single(ack.Element.Elements(XName.Get("AcknowledgementRange", Ns.Rm10)));
        Assert.Equal(("0", "0"), ((string?)range.Attribute("Lower"), (string?)range.Attribute("Upper")));
    }

    [Theory, WireMatrix]
    public async Task Acknowledgement_OfRepliesSent_IsAccepted(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        await session.EchoOkAsync(1, "a");

        var response = await session.SendAsync(Messages.Acknowledgement(session.Wire, session.To, session.OfferId!, (1, 1)));

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
        Assert.Empty(response.Text);
        await session.EchoOkAsync(2, "still going");
    }

    [Theory, WireMatrix]
    public async Task Echo_WithPiggybackedAckOfTheReplySequence_IsAnswered(RmSpec rm, SoapSpec soap)
    {
        await using var host = new EchoHost();
        var session = await RmSession.CreateAsync(host.Wire, new Wire(rm, soap));
        await session.EchoOkAsync(1, "a");

        var reply = await session.SendAsync(Messages.Echo(session.Wire, session.To, session.Id, 2, "b").WithAck(session.OfferId!, (1, 1)));

        reply.AssertOk();
        Assert.Equal(2UL, reply.Sequence!.MessageNumber);
    }
}
